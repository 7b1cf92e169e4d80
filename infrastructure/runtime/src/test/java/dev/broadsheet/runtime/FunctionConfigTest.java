package dev.broadsheet.runtime;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The managed runtime's JVM options, as Lambda's documentation gives them per runtime and setting. */
class FunctionConfigTest {

    private static FunctionConfig function(String runtime, Map<String, String> environment) {
        return new FunctionConfig("F", Path.of("f.jar"), "x.H::handleRequest", 512, Duration.ofSeconds(3), environment, runtime);
    }

    @Test
    void memorySizeSetsHeapMetaspaceAndCodeCache() {
        List<String> options = function("java21", Map.of()).lambdaJvmOptions();

        assertEquals(List.of("-XX:MaxHeapSize=445644k", "-XX:MaxMetaspaceSize=52428k", "-XX:ReservedCodeCacheSize=26214k",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true"), options);
    }

    @Test
    void tieringSetInJavaToolOptionsIsTheFunctionsOwnChoice() {
        // The JVM lets its command line win over JAVA_TOOL_OPTIONS: a default there would override the function.
        assertFalse(function("java21", Map.of("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=4")).lambdaJvmOptions()
                .contains("-XX:TieredStopAtLevel=1"));
        assertTrue(function("java21", Map.of("JAVA_TOOL_OPTIONS", "-Xlog:disable")).lambdaJvmOptions()
                .contains("-XX:TieredStopAtLevel=1"));
    }

    @Test
    void java25WithSnapStartKeepsTheJvmsDefaultTiering() {
        assertFalse(function("java25", Map.of()).withSnapStart(true).lambdaJvmOptions().contains("-XX:TieredStopAtLevel=1"));
        assertTrue(function("java25", Map.of()).lambdaJvmOptions().contains("-XX:TieredStopAtLevel=1"));
        assertTrue(function("java21", Map.of()).withSnapStart(true).lambdaJvmOptions().contains("-XX:TieredStopAtLevel=1"));
    }

    @Test
    void snapStartIsForJavaRuntimesOnly() {
        assertThrows(IllegalArgumentException.class, () -> function("provided.al2023", Map.of()).withSnapStart(true));
    }
}
