package dev.broadsheet.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ETagsTest {

    @Test
    void tagsAreStrongQuotedAndDependOnTheBody() {
        String tag = ETags.of("{\"a\":1}");

        assertTrue(tag.startsWith("\"") && tag.endsWith("\""), tag);
        assertEquals(tag, ETags.of("{\"a\":1}"));
        assertNotEquals(tag, ETags.of("{\"a\":2}"));
    }

    @Test
    void ifNoneMatchUsesWeakComparisonOverAList() {
        String tag = "\"abc\"";

        assertTrue(ETags.matches("\"abc\"", tag));
        assertTrue(ETags.matches("W/\"abc\"", tag));
        assertTrue(ETags.matches("\"x\", \"abc\"", tag));
        assertTrue(ETags.matches("*", tag));
        assertFalse(ETags.matches("\"abcd\"", tag));
        assertFalse(ETags.matches("abc", tag));
        assertFalse(ETags.matches(null, tag));
    }
}
