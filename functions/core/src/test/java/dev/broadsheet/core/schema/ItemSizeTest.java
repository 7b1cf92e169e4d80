package dev.broadsheet.core.schema;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Item sizes and read units as the DynamoDB developer guide counts them. */
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
}
