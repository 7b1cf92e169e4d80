package dev.broadsheet.bench.readunits;

import dev.broadsheet.articles.dao.ArticleItems;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sizes and read units the benchmark computes beside what DynamoDB reports. */
class ItemSizeTest {

    @Test
    void countsNamesAndValuesAsTheDeveloperGuideDoes() {
        // "slug" 4 + "a-b" 3; "n" 1 + 12345 (5 digits: 3 + 1); "ok" 2 + bool 1;
        // "l" 1 + list (3 + 2 elements + "x" 1 + "yz" 2); "m" 1 + map (3 + 1 entry + "k" 1 + "v" 1)
        Map<String, AttributeValue> item = Map.of(
                "slug", AttributeValue.fromS("a-b"),
                "n", AttributeValue.fromN("12345"),
                "ok", AttributeValue.fromBool(true),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromS("yz"))),
                "m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))));

        assertEquals(7 + 5 + 3 + 9 + 7, ItemSize.of(item));
    }

    @Test
    void readUnitsAreHalfUnitsOfFourKilobytesRoundedUpAtLeastOneHalf() {
        assertEquals(0.5, ItemSize.readUnits(0));
        assertEquals(0.5, ItemSize.readUnits(4096));
        assertEquals(1.0, ItemSize.readUnits(4097));
        assertEquals(5.5, ItemSize.readUnits(44_000));
    }

    @Test
    void aGeneratedArticleIsAboutFiveKilobytesAndItsListItemsUnderOne() {
        var items = Archive.items(Archive.article(42));
        long article = ItemSize.of(items.get(0));
        assertTrue(article > 4_500 && article < 6_000, "article " + article + " bytes");
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
