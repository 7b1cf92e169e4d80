package dev.broadsheet.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeResultTest {

    @Test
    void findsTheResultLineAmongTheJvmsOtherOutput() {
        ProbeResult result = ProbeResult.parse("Picked up JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1\n"
                + "SLF4J(W): No SLF4J providers were found.\n"
                + "PROBE jvmStartMs=51.2 initMs=336.700 firstInvokeMs=193.9 coldTotalMs=581.8 firstStatus=200 warmStatuses=200:999,404:1\n");

        assertEquals(336.7, result.number("initMs"));
        assertEquals(200, result.firstStatus());
        assertEquals("200:999,404:1", result.text("warmStatuses"));
        assertNull(result.optionalNumber("warmP50Ms"));
    }

    @Test
    void aProbeThatPrintedNoResultIsAnErrorQuotingItsOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProbeResult.parse("Exception in thread \"main\" java.lang.NoClassDefFoundError: x\n"));
        assertTrue(e.getMessage().contains("NoClassDefFoundError"));
        assertThrows(IllegalArgumentException.class, () -> ProbeResult.parse("PROBE initMs").number("initMs"));
    }
}
