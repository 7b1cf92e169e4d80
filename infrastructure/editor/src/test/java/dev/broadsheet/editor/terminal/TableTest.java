package dev.broadsheet.editor.terminal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {

    private static final Table TABLE = new Table(List.of(
            new Table.Column("SLUG", 10, 1),
            new Table.Column("STATUS", 6, 2),
            new Table.Column("HEADLINE", 8, 0)));
    private static final List<List<String>> ROWS = List.of(
            List.of("tokyo-election", "published", "東京都知事選挙の結果が発表された 😀 二期目へ"),
            List.of("bridge", "unpublished", "City council approves new bridge after two years of debate"));

    @Test
    void columnsLineUpInDisplayColumnsWhenEverythingFits() {
        List<String> lines = TABLE.render(ROWS, 200);
        assertEquals("SLUG            STATUS       HEADLINE", lines.get(0));
        assertEquals("tokyo-election  published    東京都知事選挙の結果が発表された 😀 二期目へ", lines.get(1));
        int headlineColumn = DisplayWidth.of("tokyo-election  published    ");
        assertEquals(headlineColumn, lines.get(2).indexOf("City"), "the column starts at the same display column");
    }

    @Test
    void aWholeColumnIsNeverCut() {
        Table ids = new Table(List.of(new Table.Column("ID", Table.WHOLE, 0), new Table.Column("TEXT", 4, 1)));
        List<List<String>> rows = List.of(List.of("harbour-festival/01M8GA482CY1E3EAXCXK4F562E", "a long text here"));
        assertEquals("harbour-festival/01M8GA482CY1E3EAXCXK4F562E  a lo…", ids.render(rows, 50).get(1));
        assertEquals("harbour-festival/01M8GA482CY1E3EAXCXK4F562E  …", ids.render(rows, 30).get(1), "longer than 30: the id stays whole");
    }

    @Test
    void everyLineFitsAndTheHeadlineGivesWayFirst() {
        for (int width = 20; width <= 120; width++) {
            for (String line : TABLE.render(ROWS, width)) {
                assertTrue(DisplayWidth.of(line) <= width, width + ": " + line);
            }
        }
        List<String> narrow = TABLE.render(ROWS, 45);
        assertTrue(narrow.get(1).startsWith("tokyo-election  published    "), "slug and status whole: " + narrow.get(1));
        assertTrue(narrow.get(1).endsWith("…"), narrow.get(1));
        List<String> narrower = TABLE.render(ROWS, 34);
        assertTrue(narrower.get(1).startsWith("tokyo-elec…  published    東京"), "then the slug: " + narrower.get(1));
    }
}
