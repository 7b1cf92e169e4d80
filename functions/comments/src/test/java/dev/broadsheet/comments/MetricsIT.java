package dev.broadsheet.comments;

import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The comment routes emit their business metrics (EMF lines on stdout): one per outcome, refusals by reason. */
@ExtendWith(EmulatorsExtension.class)
class MetricsIT {

    @Test
    void eachOutcomeCountsOnceUnderItsName(LocalAws aws) {
        aws.reset();
        CommentsFixture fixture = new CommentsFixture(aws);
        Map<String, String> held = fixture.validFields("Ann", "ann@example.com", "A first comment.");
        Map<String, String> wrong = fixture.validFields("Bob", "bob@example.com", "Another comment.");
        wrong.put("challengePassword", "not-it");

        List<String> lines = stdoutOf(() -> {
            fixture.submitJson(SLUG, held, "203.0.113.5");
            fixture.submitJson(SLUG, wrong, "203.0.113.6");
            fixture.challenge(SLUG);
        });

        assertEquals(List.of(
                "CommentsHeld",
                "CommentsRefused Reason=challenge-wrong-password", "ChallengeFailures",
                "ChallengesIssued"), lines);
    }

    /** The metric names (and reasons) of the EMF lines written while {@code work} runs. */
    private static List<String> stdoutOf(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("{\"_aws\""))
                .map(line -> {
                    String metric = line.replaceAll(".*\"Metrics\":\\[\\{\"Name\":\"([A-Za-z]+)\".*", "$1");
                    String reason = line.contains("\"Reason\":\"") ? " Reason=" + line.replaceAll(".*\"Reason\":\"([^\"]+)\".*", "$1") : "";
                    return metric + reason;
                }).toList();
    }
}
