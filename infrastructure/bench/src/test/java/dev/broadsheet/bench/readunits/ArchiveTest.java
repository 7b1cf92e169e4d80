package dev.broadsheet.bench.readunits;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.core.schema.ItemSize;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated archive's sizes, and the benchmark's arguments. */
class ArchiveTest {

    @Test
    void aGeneratedArticleIsAboutSixKilobytesAndItsListItemsUnderOne() {
        var items = Archive.items(Archive.article(42));
        long article = ItemSize.of(items.get(0));
        // 6,086 bytes; a paragraph's span takes 15 bytes more than the text alone did before spans.
        assertTrue(article > 5_500 && article < 6_500, "article " + article + " bytes");
        for (var listItem : items.subList(1, items.size())) {
            long size = ItemSize.of(listItem);
            assertTrue(size < 1_000, "list item " + size + " bytes");
        }
        assertEquals(5, items.size(), "article 42 and its list items: all, two common tags and the rare one");
        assertEquals(List.of("all", "tag:topic-2", "tag:topic-17", "tag:rare-find"), ArticleItems.lists(items.get(0)).stream().toList());
    }

    @Test
    void sizesAreGrowingAndAtLeastAThousand() {
        assertEquals(List.of(1_000, 10_000, 20_000, 50_000), ReadUnitsBench.sizes(new String[0]));
        assertEquals(List.of(1_000, 5_000), ReadUnitsBench.sizes(new String[] {"--sizes", "1000,5000"}));
        assertNull(ReadUnitsBench.sizes(new String[] {"--help"}));
        assertThrows(IllegalArgumentException.class, () -> ReadUnitsBench.sizes(new String[] {"--sizes", "5000,1000"}));
        assertThrows(IllegalArgumentException.class, () -> ReadUnitsBench.sizes(new String[] {"--sizes", "500"}));
        assertThrows(IllegalArgumentException.class, () -> ReadUnitsBench.sizes(new String[] {"--sizes"}));
        assertThrows(IllegalArgumentException.class, () -> ReadUnitsBench.sizes(new String[] {"--size", "1000"}));
    }
}
