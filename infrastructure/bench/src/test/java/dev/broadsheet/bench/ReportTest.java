package dev.broadsheet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** results.json has exactly the shape issue 5 gives (plus the primed first invocation), from medians. */
class ReportTest {

    private static ProbeResult run(double jvm, double init, double first, String warm) {
        return ProbeResult.parse("PROBE jvmStartMs=" + jvm + " initMs=" + init + " firstInvokeMs=" + first
                + " coldTotalMs=" + (jvm + init + first) + " firstStatus=200" + warm + " rssMb=100.0");
    }

    @Test
    void theJsonHasTheIssuesShapeWithMediansAndRatios() throws Exception {
        List<ProbeResult> baseline = List.of(run(40, 300, 100, " warmP50Ms=2.0 warmP99Ms=5.0 warmStatuses=200:1000"),
                run(50, 310, 100, ""), run(45, 290, 100, ""));
        List<ProbeResult> cold = new ArrayList<>(List.of(run(40, 300, 150, " warmP50Ms=2.2 warmP99Ms=6.0 warmStatuses=200:1000"),
                run(60, 320, 160, ""), run(50, 310, 170, "")));
        BenchFunction function = new BenchFunction("GetArticleFunction", "x.Handler", Path.of("pom.xml"), Path.of("e.json"),
                "-XX:TieredStopAtLevel=1", Map.of(), "512");
        Report report = Report.of(baseline, List.of(function), Map.of("GetArticleFunction", cold),
                Map.of("GetArticleFunction", List.of(run(40, 300, 12, ""))));

        JsonNode json = new ObjectMapper().readTree(report.json());

        assertEquals(List.of("baseline", "functions"), fields(json));
        assertEquals(List.of("coldTotalMs", "warmP50Ms"), fields(json.path("baseline")));
        assertEquals(440.0, json.path("baseline").path("coldTotalMs").asDouble());
        JsonNode get = json.path("functions").path("GetArticleFunction");
        assertEquals(List.of("initMs", "firstInvokeMs", "coldTotalMs", "ratioToBaseline", "warmP50Ms", "warmP99Ms", "rssMb",
                "jarMb", "primedFirstInvokeMs"), fields(get));
        assertEquals(530.0, get.path("coldTotalMs").asDouble());
        assertEquals(1.205, get.path("ratioToBaseline").asDouble());
        assertEquals(160.0, get.path("firstInvokeMs").asDouble());
        assertEquals(2.2, get.path("warmP50Ms").asDouble());
        assertEquals(12.0, get.path("primedFirstInvokeMs").asDouble());
        assertTrue(report.table().contains("GetArticleFunction"));
        assertTrue(report.markdown("run").contains("| GetArticleFunction |"));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
