package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SnapStart hooks of the comment handlers, on the emulators: priming runs every rule of a
 * submission and writes nothing (no comment, no guard, no count, no article); after restore the
 * handlers serve the whole flow — challenge, submission, list — correctly.
 */
@ExtendWith(EmulatorsExtension.class)
class SnapStartPrimingIT {

    private CommentsFixture fixture;

    @BeforeEach
    void setUp(LocalAws aws) {
        fixture = new CommentsFixture(aws);
    }

    @Test
    void primingWritesNothingAndTheRestoredHandlersServeTheWholeFlow() {
        List<Long> before = fixture.writtenState();
        long articles = fixture.count(fixture.tables.articles());

        fixture.primeAndRestore();

        assertEquals(before, fixture.writtenState(), "comments, guards, commentCount");
        assertEquals(articles, fixture.count(fixture.tables.articles()));
        APIGatewayV2HTTPResponse submitted = fixture.submitJson(SLUG,
                fixture.validFields("Ann", "ann@example.com", "Hello <b>world</b><script>x()</script>"), "198.51.100.7");
        assertEquals(201, submitted.getStatusCode(), submitted.getBody());
        JsonNode comment = json(submitted);
        assertEquals("Hello <b>world</b>", comment.path("contentHtml").asText());
        assertEquals("pending", comment.path("status").asText(), "first-time moderation holds a new email");
        APIGatewayV2HTTPResponse list = fixture.list(SLUG, Map.of(), Map.of());
        assertEquals(200, list.getStatusCode(), list.getBody());
        assertEquals(0, json(list).path("items").size(), "a held comment is not listed");
    }
}
