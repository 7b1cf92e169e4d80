package dev.broadsheet.core;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    @Test
    void aCountIsAnEmbeddedMetricFormatLine() throws Exception {
        JsonNode line = Json.MAPPER.readTree(Metrics.line(Metrics.COMMENTS_HELD, 1, null, "broadsheet-SubmitComment-x1", 1700000000000L));

        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
        assertEquals(1700000000000L, line.path("_aws").path("Timestamp").asLong());
        assertEquals("Broadsheet", directive.path("Namespace").asText());
        assertEquals("[[\"FunctionName\"]]", directive.path("Dimensions").toString());
        assertEquals("CommentsHeld", directive.path("Metrics").path(0).path("Name").asText());
        assertEquals("Count", directive.path("Metrics").path(0).path("Unit").asText());
        // Every dimension and metric the directive names is a member of the line, as EMF requires.
        assertEquals("broadsheet-SubmitComment-x1", line.path("FunctionName").asText());
        assertEquals(1, line.path("CommentsHeld").asInt());
    }

    @Test
    void aRefusalCarriesItsReasonAsASecondDimensionSet() throws Exception {
        JsonNode line = Json.MAPPER.readTree(Metrics.line(Metrics.COMMENTS_REFUSED, 1, "comment-flood", "f", 1L));

        assertEquals("[[\"FunctionName\"],[\"FunctionName\",\"Reason\"]]",
                line.path("_aws").path("CloudWatchMetrics").path(0).path("Dimensions").toString());
        assertEquals("comment-flood", line.path("Reason").asText());
    }

    @Test
    void oddCharactersCannotBreakTheLine() throws Exception {
        JsonNode line = Json.MAPPER.readTree(Metrics.line("Images\"Signed", 2, "a\"b\n{c}", "fn\"x", 1L));

        assertEquals("a_b__c_", line.path("Reason").asText());
        assertEquals(2, line.path("Images_Signed").asInt());
    }

    @Test
    void oneLineOnStandardOutputAndNoneWhileMuted() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Metrics.count(Metrics.IMAGES_SIGNED, 3);
            Metrics.muted(() -> Metrics.count(Metrics.IMAGES_SIGNED, 5));
            Metrics.count(Metrics.IMAGES_SIGNED, 0);
        } finally {
            System.setOut(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length, captured.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].endsWith("\"ImagesSigned\":3}"), lines[0]);
    }
}
