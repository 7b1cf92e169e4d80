package dev.broadsheet.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatsTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueAndOfAnEvenCountTheMeanOfTheMiddleTwo() {
        assertEquals(3.0, Stats.median(List.of(9.0, 1.0, 3.0, 7.0, 2.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(5.0, Stats.median(Arrays.asList(5.0, null)));
        assertNull(Stats.median(List.of()));
    }

    @Test
    void roundingKeepsTheAskedDecimals() {
        assertEquals(1.23, Stats.round(1.2349, 2));
        assertEquals(1.24, Stats.round(1.235, 2));
        assertNull(Stats.round(null, 1));
    }
}
