package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.comments.dao.CommentItems;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.comments.service.ModerationRules.Mode;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every payload of the payloadbox XSS list (test resource {@code xss/}, MIT, see its SOURCE.md),
 * stored and read back through the list route, checked for properties: only allowed elements, no
 * event handler/style/src attribute, no URL outside http/https/mailto, no markup outside tags.
 *
 * <p>Path: each payload is sanitized by {@link CommentHtml} (what the submission does) and stored as
 * an approved comment with BatchWriteItem, then every page is read through the list handler — the
 * full submission path (challenge, guards, transaction) for 6,613 payloads would take minutes
 * without testing anything more about the HTML; a sample of payloads also goes through it below.
 */
@ExtendWith(EmulatorsExtension.class)
class XssCorpusIT {

    private static final Set<String> ALLOWED = Set.copyOf(CommentHtml.allowedElements());
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[a-zA-Z-]+=\"[^\"]*\")*)\\s*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

    @Test
    void everyPayloadComesBackHarmless(LocalAws aws) throws Exception {
        CommentsFixture fixture = new CommentsFixture(aws);
        List<String> payloads = payloads();
        assertEquals(6613, payloads.size(), "the whole corpus is read");

        Instant created = Instant.parse("2026-03-01T00:00:00Z");
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            Comment comment = new Comment(SLUG, CommentIds.next(created.plusMillis(i)), null, "Tester", null, "t@example.com",
                    "h", "h", "h", CommentHtml.sanitize(payloads.get(i)), CommentStatus.APPROVED, 1, created.plusMillis(i), null);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(CommentItems.toItem(comment)).build()).build());
            if (batch.size() == 25 || i == payloads.size() - 1) {
                List<WriteRequest> writes = List.copyOf(batch);
                Map<String, List<WriteRequest>> unprocessed = aws.dynamoDb().batchWriteItem(write -> write
                        .requestItems(Map.of(fixture.tables.comments(), writes))).unprocessedItems();
                assertTrue(unprocessed.isEmpty());
                batch.clear();
            }
        }

        int checked = 0;
        String cursor = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "100"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            APIGatewayV2HTTPResponse response = fixture.list(SLUG, query, Map.of());
            assertEquals(200, response.getStatusCode(), response.getBody());
            JsonNode page = json(response);
            for (JsonNode item : page.path("items")) {
                assertHarmless(payloads.get(checked), item.path("contentHtml").asText());
                checked++;
            }
            cursor = page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertEquals(payloads.size(), checked, "every payload was read back");
    }

    @Test
    void aSampleOfPayloadsThroughTheSubmissionRouteComesBackTheSame(LocalAws aws) throws Exception {
        CommentsFixture fixture = new CommentsFixture(aws);
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        List<String> payloads = payloads();
        int submitted = 0;
        for (int i = 0; i < payloads.size(); i += 331) {
            fixture.clock.advance(Duration.ofMillis(1));
            // Distinct authors and addresses: the flood rule is not what this test is about.
            APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fixture.validFields("Tester " + i, "t" + i + "@example.com",
                    payloads.get(i) + " #" + i), "198.51." + (i / 250) + "." + (i % 250));
            assertEquals(201, response.getStatusCode(), response.getBody());
            String html = json(response).path("contentHtml").asText();
            assertEquals(CommentHtml.sanitize(payloads.get(i) + " #" + i), html);
            assertHarmless(payloads.get(i), html);
            submitted++;
        }
        assertEquals(submitted, json(fixture.list(SLUG, Map.of("limit", "100"), Map.of())).path("items").size());
        assertTrue(submitted >= 20);
    }

    @Test
    void theCheckerCatchesWhatItLooksFor() {
        for (String bad : List.of("<script>x</script>", "<img src=\"x\">", "<b onclick=\"x\">b</b>", "<b style=\"x\">b</b>",
                "<a href=\"javascript:x\">a</a>", "<a href=\"&#106;avascript:x\">a</a>", "<q cite=\"data:x\">q</q>", "a <b")) {
            org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> assertHarmless("test", bad), bad);
        }
        assertHarmless("test", "<a href=\"https://e.com\" rel=\"nofollow ugc\">a</a> &lt;b&gt;");
    }

    static void assertHarmless(String payload, String html) {
        Matcher tag = TAG.matcher(html);
        StringBuilder text = new StringBuilder();
        int end = 0;
        while (tag.find()) {
            text.append(html, end, tag.start());
            end = tag.end();
            String element = tag.group(2).toLowerCase(Locale.ROOT);
            assertTrue(ALLOWED.contains(element), () -> "element <" + element + "> from " + payload + " → " + html);
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                String name = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = decode(attribute.group(2)).strip().toLowerCase(Locale.ROOT);
                assertTrue(!name.startsWith("on") && !name.equals("style") && !name.equals("src"),
                        () -> "attribute " + name + " from " + payload + " → " + html);
                if (name.equals("href") || name.equals("cite")) {
                    assertTrue(value.startsWith("http://") || value.startsWith("https://") || value.startsWith("mailto:"),
                            () -> name + "=" + value + " from " + payload + " → " + html);
                }
            }
        }
        text.append(html.substring(end));
        assertTrue(text.indexOf("<") < 0 && text.indexOf(">") < 0,
                () -> "markup outside the allowed tags from " + payload + " → " + html);
    }

    /** Numeric and the basic named character references, enough to see the real scheme. */
    private static String decode(String value) {
        Matcher entity = Pattern.compile("&#(x?)([0-9a-fA-F]+);?").matcher(value);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            int code = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
            entity.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        entity.appendTail(out);
        return out.toString().replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static List<String> payloads() throws Exception {
        List<String> lines = new ArrayList<>();
        try (InputStream in = XssCorpusIT.class.getResourceAsStream("/xss/payloadbox-xss-payload-list.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }
}
