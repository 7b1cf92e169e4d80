package dev.broadsheet.core.schema;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimestampsTest {

    @Test
    void everyValueHasTheSameWidthSoStringOrderIsTimeOrder() {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        List<Instant> instants = new ArrayList<>();
        for (long millis : new long[] {0, 1, 10, 100, 500, 999, 1000, 1500, 60_000}) {
            instants.add(start.plusMillis(millis));
        }
        List<String> formatted = instants.stream().map(Timestamps::format).toList();
        formatted.forEach(value -> assertEquals(24, value.length(), value));
        assertEquals(formatted, formatted.stream().sorted().toList());
        // What Instant.toString() would have stored: ":00Z" sorts after ":00.500Z".
        List<String> plain = instants.stream().map(Instant::toString).toList();
        assertFalse(plain.equals(plain.stream().sorted().toList()), "the bug the fixed width avoids");
        assertEquals(instants, formatted.stream().map(Timestamps::parse).sorted(Comparator.naturalOrder()).toList());
    }

    @Test
    void onlyTheCanonicalFormIsCanonical() {
        assertTrue(Timestamps.isCanonical("2026-03-01T10:00:00.000Z"));
        assertFalse(Timestamps.isCanonical("2026-03-01T10:00:00Z"));
        assertFalse(Timestamps.isCanonical("2026-03-01T10:00:00.0001Z"));
        assertFalse(Timestamps.isCanonical("yesterday"));
        assertFalse(Timestamps.isCanonical(null));
        assertEquals("2026-03-01T10:00:00.123Z", Timestamps.format(Instant.parse("2026-03-01T10:00:00.123456Z")));
    }
}
