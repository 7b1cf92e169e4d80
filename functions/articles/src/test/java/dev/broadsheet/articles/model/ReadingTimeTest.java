package dev.broadsheet.articles.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadingTimeTest {

    @Test
    void countsTheWordsOfTextBlocksAndAttributionsAt230AMinuteRoundedUp() {
        String words230 = "word ".repeat(229) + "last";
        assertEquals(1, ReadingTime.minutes(List.of(Block.paragraph(words230))));
        assertEquals(2, ReadingTime.minutes(List.of(Block.paragraph(words230), Block.quote("one more", null))));
        assertEquals(2, ReadingTime.minutes(List.of(Block.paragraph(words230), Block.quote("", "An attribution"))));
        assertEquals(3, ReadingTime.minutes(List.of(Block.heading(words230), Block.paragraph(words230), Block.paragraph("x"))));
    }

    @Test
    void anArticleOfImagesOnlyOrEmptyTextTakesAMinute() {
        Image image = new Image("images/a/b.png", "Alt text is not read", null, null, 1, 1, "image/png");
        assertEquals(1, ReadingTime.minutes(List.of(Block.image(image))));
        assertEquals(1, ReadingTime.minutes(List.of()));
    }

    @Test
    void wordsAreRunsOfNonSpaceAnyWhitespaceBetween() {
        assertEquals(0, ReadingTime.words("  \n\t "));
        assertEquals(4, ReadingTime.words(" Kerry\tand\nLavrov  agreed "));
        assertEquals(2, ReadingTime.words("co-ordinated strikes"));
    }

    @Test
    void aTagWithoutANameIsNamedByItsWords() {
        assertEquals(new Tag("united-states", "United States"), Tag.of("united-states"));
        assertEquals(new Tag("g7", "G7"), Tag.of("g7"));
    }
}
