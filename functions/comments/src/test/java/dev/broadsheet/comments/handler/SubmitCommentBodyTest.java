package dev.broadsheet.comments.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.PrimingEvents;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JSON bodies that never reach the comment rules: they are refused while being read, before any
 * service call (so none is needed here); valid bodies are covered against the emulators.
 */
class SubmitCommentBodyTest {

    private final SubmitCommentHandler handler = new SubmitCommentHandler(null, "https://news.example.com/{slug}");

    private JsonNode refusal(String body, int status) throws Exception {
        APIGatewayV2HTTPEvent event = PrimingEvents.post("/articles/a/comments", Map.of("slug", "a"), "application/json", body);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(status, response.getStatusCode(), response.getBody());
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void whatIsNotOneJsonObjectIsAMalformedBody() throws Exception {
        for (String body : new String[] {"", "null", "[1, 2]", "\"text\"", "{", "{\"author\": ", "{\"author\": 5, \"email\": "}) {
            assertEquals("https://broadsheet.dev/problems/malformed-body", refusal(body, 400).path("type").asText(), body);
        }
    }

    @Test
    void aFieldThatIsNotAStringIsNamed() throws Exception {
        for (String body : new String[] {"{\"author\": 5, \"email\": \"a@b.c\"}", "{\"email\": \"a@b.c\", \"author\": {\"x\": [1, {}]}}",
                "{\"author\": true}", "{\"author\": [\"A\"]}"}) {
            JsonNode error = refusal(body, 400).path("errors").get(0);
            assertEquals("author", error.path("field").asText(), body);
            assertEquals("type", error.path("code").asText(), body);
        }
    }

    @Test
    void notifyIsABooleanInJsonAndOnInAForm() {
        assertEquals(true, SubmitCommentHandler.notify("\u0000true", false));
        assertEquals(false, SubmitCommentHandler.notify("\u0000false", false));
        assertEquals(false, SubmitCommentHandler.notify(null, false));
        assertEquals(true, SubmitCommentHandler.notify("on", true));
        assertEquals(false, SubmitCommentHandler.notify("", true));
        assertEquals(false, SubmitCommentHandler.notify(null, true));
    }

    @Test
    void aNotifyThatIsNeitherIsNamedWithItsRule() throws Exception {
        for (String body : new String[] {"{\"notify\": \"true\"}", "{\"notify\": 1}", "{\"notify\": \"yes\"}", "{\"notify\": [true]}"}) {
            JsonNode error = refusal(body, 400).path("errors").get(0);
            assertEquals("notify", error.path("field").asText(), body);
            assertEquals("type", error.path("code").asText(), body);
        }
        APIGatewayV2HTTPEvent form = PrimingEvents.post("/articles/a/comments", Map.of("slug", "a"),
                "application/x-www-form-urlencoded", "author=A&notify=yes");
        APIGatewayV2HTTPResponse response = new SubmitCommentHandler(null, "https://news.example.com/{slug}", true).handleRequest(form, null);
        assertEquals(303, response.getStatusCode(), "a form is answered by going back to the article");
        assertEquals("https://news.example.com/a?comment-error=invalid-request#respond", response.getHeaders().get("Location"));
    }
}
