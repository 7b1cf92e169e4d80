package dev.broadsheet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.broadsheet.runtime.FunctionConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** results.json has the shape issue 10 gives, from medians, with ratios to the floor and to Node. */
class ReportTest {

    private static Measurement run(double init, double first, double... warm) {
        return new Measurement(init, null, first, Measurement.sorted(warm), Measurement.sorted(warm.clone()), 100,
                warm.length == 0 ? Map.of() : Map.of(200, warm.length));
    }

    private static Subject subject(String label, Subject.Kind kind, String language) {
        return new Subject(label, kind, language, new FunctionConfig(label, Path.of("pom.xml"), "x.Handler::handleRequest",
                512, Duration.ofSeconds(10), Map.of(), "java21"), Path.of("events/get-article.json"), null);
    }

    @Test
    void theJsonHasTheIssuesShapeWithMediansAndRatios() throws Exception {
        List<Subject> subjects = List.of(subject(Report.FLOOR, Subject.Kind.FLOOR, "java"),
                subject(Report.NODE, Subject.Kind.PEER, "node"),
                subject("GetArticleFunction", Subject.Kind.FUNCTION, "java"),
                subject("JavaDoNothing", Subject.Kind.DO_NOTHING, "java"));
        Map<String, List<Measurement>> cold = new LinkedHashMap<>();
        cold.put(Report.FLOOR, List.of(run(300, 100, 2.0, 2.0, 4.0), run(310, 100), run(290, 100)));
        cold.put(Report.NODE, List.of(run(100, 20, 1.0, 1.0, 3.0), run(120, 20), run(110, 30)));
        cold.put("GetArticleFunction", new ArrayList<>(List.of(run(300, 150, 2.2, 2.2, 5.0), run(320, 160),
                run(310, 170))));
        cold.put("JavaDoNothing", List.of(run(200, 5, 0.3, 0.3, 0.5)));
        Map<String, List<Measurement>> primed = Map.of("GetArticleFunction", List.of(run(300, 12), run(300, 14), run(300, 16)));

        Report report = Report.of("aws-lambda-java-runtime-interface-client 2.10.1", subjects,
                Map.of(Report.NODE, "Node.js v20"), cold, primed, Map.of(Report.PYTHON, "python3-boto3 is not installed"));
        JsonNode json = new ObjectMapper().readTree(report.json());

        assertEquals(List.of("runtime", "baseline", "peers", "runtimeApiOverhead", "functions"), fields(json));
        assertEquals("aws-lambda-java-runtime-interface-client 2.10.1", json.path("runtime").asText());
        assertEquals(400.0, json.path("baseline").path("coldTotalMs").asDouble());
        assertEquals(2.0, json.path("baseline").path("warmP50Ms").asDouble());
        JsonNode node = json.path("peers").path("node");
        assertEquals(fields(json.path("baseline")), fields(node).subList(1, fields(node).size()), "the baseline's fields");
        assertEquals("Node.js v20", node.path("version").asText());
        assertEquals(140.0, node.path("coldTotalMs").asDouble());
        assertEquals("python3-boto3 is not installed", json.path("peers").path("python").path("absent").asText());
        assertEquals(0.3, json.path("runtimeApiOverhead").path("java").path("durationP50Ms").asDouble());

        JsonNode get = json.path("functions").path("GetArticleFunction");
        assertEquals(List.of("initMs", "firstInvokeMs", "coldTotalMs", "warmP50Ms", "warmP99Ms", "roundTripP50Ms", "rssMb",
                "jarMb", "primedFirstInvokeMs", "ratioToBaseline", "ratioToNode", "memorySizeMb"), fields(get));
        assertEquals(480.0, get.path("coldTotalMs").asDouble());
        assertEquals(1.2, get.path("ratioToBaseline").asDouble());
        assertEquals(14.0, get.path("primedFirstInvokeMs").asDouble());
        assertEquals(List.of("coldTotal", "warmP50", "primedFirstInvoke"), fields(get.path("ratioToNode")));
        assertEquals(3.429, get.path("ratioToNode").path("coldTotal").asDouble());
        assertEquals(2.2, get.path("ratioToNode").path("warmP50").asDouble());
        assertEquals(0.7, get.path("ratioToNode").path("primedFirstInvoke").asDouble(), "against Node's first call after init");
        assertEquals(512, get.path("memorySizeMb").asInt());
        assertTrue(json.path("functions").path("JavaDoNothing").isMissingNode(), "do-nothing rows are reported apart");

        assertTrue(report.table().contains("GetArticleFunction") && report.table().contains("absent: python3-boto3"));
        assertTrue(report.table().contains("Runtime API overhead"));
        assertTrue(report.markdown("run").contains("| GetArticleFunction |"));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
