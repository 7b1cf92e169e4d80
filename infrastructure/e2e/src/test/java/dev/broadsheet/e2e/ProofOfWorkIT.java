package dev.broadsheet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.local.LocalApi;
import dev.broadsheet.local.Settings;
import dev.broadsheet.local.seed.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The proof of work in a browser: the demo site, with the API started as with
 * {@code --param CommentProofOfWork=on} at the template's default difficulty, loads the ALTCHA
 * widget it serves itself, which solves each challenge in Chromium; the comment goes out with the
 * solution and is accepted. Measures the solve time the widget reports ({@code took}), median of
 * 10 challenges, and writes it to {@code target/proof-of-work.txt} (the README quotes it).
 * {@code -Dbroadsheet.pow.maxnumber=N} measures another difficulty.
 */
class ProofOfWorkIT {

    private static final String SLUG = SampleArticle.SLUG;
    private static final int SOLVES = 10;

    private static LocalApi api;
    private static Browser browser;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.unavailable().isEmpty(), () -> Browser.unavailable().orElse(""));
        int sitePort = DemoSite.freePort();
        Map<String, String> parameters = new java.util.HashMap<>(Map.of("AllowedOrigins", "http://localhost:" + sitePort,
                "CommentProofOfWork", "on", "CommentFloodSeconds", "0", "CommentChallengesPerMinute", "10000"));
        String maxNumber = System.getProperty("broadsheet.pow.maxnumber");
        if (maxNumber != null && !maxNumber.isBlank()) {
            parameters.put("CommentProofOfWorkMaxNumber", maxNumber);
        }
        api = LocalApi.start(Settings.inMemory().withSite(sitePort).withParameters(parameters));
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theWidgetSolvesEachChallengeInTheBrowserAndTheCommentIsAccepted() throws IOException {
        List<Long> took = new ArrayList<>();
        long hashes = 0;
        for (int i = 0; i < SOLVES; i++) {
            JsonNode solution = solveOnce();
            took.add(solution.path("took").asLong());
            hashes += solution.path("number").asLong() + 1;   // the widget tries 0, 1, … up to the number
        }
        List<Long> sorted = took.stream().sorted().toList();
        long median = (sorted.get(SOLVES / 2 - 1) + sorted.get(SOLVES / 2)) / 2;
        long hashesPerSecond = hashes * 1000 / Math.max(1, took.stream().mapToLong(Long::longValue).sum());
        String report = "ALTCHA widget solve time in headless Chromium (" + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + loadAverage() + "), CommentProofOfWorkMaxNumber="
                + System.getProperty("broadsheet.pow.maxnumber", "default") + ": median " + median + " ms of " + SOLVES
                + " (each " + took + " ms); " + hashesPerSecond + " SHA-256 a second\n";
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "proof-of-work.txt"), report);

        // The last challenge's solution goes out with the comment: accepted, held for moderation.
        String email = UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var driver = browser.driver();
        driver.findElement(By.id("author")).sendKeys("Proof Reader");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("comment")).sendKeys("Solved in the browser.");
        driver.findElement(By.id("password")).sendKeys(driver.findElement(By.id("challenge-password")).getText());
        driver.findElement(By.id("submit")).click();
        browser.waitFor(d -> d.findElement(By.id("pending")).isDisplayed()
                || d.findElement(By.id("form-error")).isDisplayed() ? true : null);
        assertTrue(driver.findElement(By.id("pending")).isDisplayed(), driver.findElement(By.id("form-error")).getText());
        assertEquals(1, Moderator.of(api.aws()).pendingBy(SLUG, email).size());
        assertTrue(took.stream().allMatch(ms -> ms > 0), took.toString());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Opens the article page (a fresh challenge) and waits for the widget's verified solution. */
    private static JsonNode solveOnce() throws IOException {
        browser.get(api.siteUrl().orElseThrow() + "/articles/" + SLUG);
        String payload = browser.waitFor(driver -> {
            Object value = browser.script("const input = document.querySelector('#proof-of-work input[name=altcha]');"
                    + " return input && input.value ? input.value : null;");
            return value instanceof String text && !text.isEmpty() ? text : null;
        });
        JsonNode solution = Json.MAPPER.readTree(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
        assertEquals("SHA-256", solution.path("algorithm").asText());
        browser.screenshot("proof-of-work", browser.driver().findElement(By.id("respond")));
        return solution;
    }
}
