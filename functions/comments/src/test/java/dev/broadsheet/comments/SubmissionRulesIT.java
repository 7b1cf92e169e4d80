package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.service.ModerationRules.Mode;
import dev.broadsheet.comments.service.Submission;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.broadsheet.comments.CommentsFixture.OTHER_SLUG;
import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of the comment routes, through the handlers, against dynalite. */
@ExtendWith(EmulatorsExtension.class)
class SubmissionRulesIT {

    private static final String IP = "198.51.100.23";
    private CommentsFixture fixture;

    @BeforeEach
    void setUp(LocalAws aws) {
        fixture = new CommentsFixture(aws);
    }

    // --- the challenge ---

    @Test
    void aChallengeIsAFreshPasswordAndTokenWithTheTagListAndStoresOnlyTheAddresssCounter() {
        List<Long> before = fixture.writtenState();
        APIGatewayV2HTTPResponse response = fixture.challenge(SLUG);
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        JsonNode body = json(response);
        assertTrue(body.path("password").asText().matches("[a-km-zA-HJ-NP-Z2-9]{7}"), body.toString());
        assertFalse(body.path("password").asText().matches(".*[0O1lI].*"));
        assertEquals(Instant.parse("2026-03-01T10:10:00Z").toString(), body.path("expiresAt").asText());
        List<String> tags = StreamSupport.stream(body.path("allowedTags").spliterator(), false).map(JsonNode::asText).toList();
        assertEquals(CommentHtml.ALLOWED_TAGS, tags);
        assertNotEquals(body.path("token").asText(), json(fixture.challenge(SLUG)).path("token").asText());
        assertFalse(body.has("altcha"), "no proof of work unless it is on");
        assertEquals(List.of(before.get(0), before.get(1) + 1, before.get(2)), fixture.writtenState(),
                "one counter for the address this minute; no comment, no nonce");
    }

    @Test
    void theCopiedPasswordIsAcceptedOnceAndTheReplayRefused() {
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "First!");
        assertEquals(201, fixture.submitJson(SLUG, fields, IP).getStatusCode());
        fixture.clock.advance(Duration.ofSeconds(20));
        fields.put("content", "Another text, so that only the token is reused");
        List<Long> before = fixture.writtenState();
        assertProblem(fixture.submitJson(SLUG, fields, "198.51.100.99"), 403, "challenge-used");
        assertEquals(before, fixture.writtenState());
    }

    @Test
    void aTokenForAnotherArticleIsRefused() {
        JsonNode other = fixture.freshChallenge(OTHER_SLUG);
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "Hello");
        fields.put("challengeToken", other.path("token").asText());
        fields.put("challengePassword", other.path("password").asText());
        assertRefusedWithoutWrites(fields, 403, "challenge-wrong-article");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "Hello");
        fixture.clock.advance(Duration.ofMinutes(10));
        assertRefusedWithoutWrites(fields, 403, "challenge-expired");
    }

    @Test
    void aTokenWithOneChangedByteIsRefusedWhereverTheByteIs() {
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "Hello");
        String token = fields.get("challengeToken");
        for (int position : new int[] {0, token.indexOf('.') / 2, token.indexOf('.') + 3, token.length() - 2}) {
            char changed = token.charAt(position) == 'A' ? 'B' : 'A';
            fields.put("challengeToken", token.substring(0, position) + changed + token.substring(position + 1));
            assertRefusedWithoutWrites(fields, 403, "challenge-invalid");
        }
        fields.put("challengeToken", token);
        assertEquals(201, fixture.submitJson(SLUG, fields, IP).getStatusCode(), "the untouched token still works");
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "Hello");
        fields.put("challengePassword", "wrongpw");
        assertRefusedWithoutWrites(fields, 403, "challenge-wrong-password");
    }

    @Test
    void aMissingTokenIsRefused() {
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "Hello");
        fields.remove("challengeToken");
        assertRefusedWithoutWrites(fields, 403, "challenge-invalid");
    }

    // --- body, article ---

    @Test
    void malformedJsonIs400() {
        List<Long> before = fixture.writtenState();
        assertProblem(fixture.submitRaw(SLUG, "{\"author\": ", "application/json", IP), 400, "malformed-body");
        assertProblem(fixture.submitRaw(SLUG, "[1, 2]", "application/json", IP), 400, "malformed-body");
        assertEquals(before, fixture.writtenState());
    }

    @Test
    void aNonStringFieldIs400NamingIt() {
        APIGatewayV2HTTPResponse response = fixture.submitRaw(SLUG, "{\"author\": 42}", "application/json", IP);
        assertEquals(List.of("author"), fields(assertProblem(response, 400, "invalid-request")));
    }

    @Test
    void anotherContentTypeIs415() {
        List<Long> before = fixture.writtenState();
        assertProblem(fixture.submitRaw(SLUG, "author=x", "text/plain", IP), 415, "unsupported-media-type");
        assertEquals(before, fixture.writtenState());
    }

    @Test
    void aContentTypeWithoutATypeIs415NotA500() {
        List<Long> before = fixture.writtenState();
        for (String contentType : List.of(";", ";;", " ; ", "; charset=utf-8", "")) {
            assertProblem(fixture.submitRaw(SLUG, "{}", contentType, IP), 415, "unsupported-media-type");
        }
        assertEquals(before, fixture.writtenState());
    }

    @Test
    void contentThatSanitizesToNothingIs400NamingContent() {
        for (String content : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=\"javascript:x\"></iframe>",
                "<b></b> <i> </i>", "<style>p{}</style>\u200b", "<svg><script>1</script></svg>")) {
            Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", content);
            JsonNode problem = assertRefusedWithoutWrites(fields, 400, "invalid-request");
            assertEquals("content", problem.path("errors").get(0).path("field").asText(), content);
            assertEquals("empty-after-sanitizing", problem.path("errors").get(0).path("code").asText());
            assertTrue(problem.path("errors").get(0).path("message").asText().contains("removing HTML that is not allowed"));
        }
        assertEquals(201, fixture.submitJson(SLUG, fixture.validFields("Jane", "jane@example.com", "<script>x</script>kept"), IP)
                .getStatusCode(), "text around removed markup is a comment");
    }

    @Test
    void emailsWithControlFormatOrLoneSurrogateCharactersAre400NamingEmail() {
        // As a script sends them: JSON escapes (a lone surrogate cannot travel as UTF-8 bytes).
        for (String email : List.of("ann\\u200b@example.com", "ann@exa\\u200dmple.com", "an\\u0007n@example.com",
                "\\ufeffann@example.com", "ann\\ud800@example.com", "ann\\udc00@example.com", "ann\\u2028@example.com",
                "a\\u202en@example.com")) {
            String body = Json.write(fixture.validFields("Jane", "EMAIL", "Hello")).replace("\"EMAIL\"", "\"" + email + "\"");
            List<Long> before = fixture.writtenState();
            JsonNode problem = assertProblem(fixture.submitRaw(SLUG, body, "application/json", IP), 400, "invalid-request");
            assertEquals(List.of("email"), fields(problem), email);
            assertEquals(before, fixture.writtenState());
        }
    }

    @Test
    void aBodyOver64KiBIs413() {
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "x".repeat(64 * 1024));
        assertRefusedWithoutWrites(fields, 413, "body-too-large");
    }

    @Test
    void anUnknownArticleIs404() {
        JsonNode challenge = fixture.freshChallenge(SLUG);
        List<Long> before = fixture.writtenState();
        assertProblem(fixture.submitJson("no-such-article", Map.of("author", "a", "email", "a@example.com", "content", "c",
                "challengeToken", challenge.path("token").asText(), "challengePassword", challenge.path("password").asText()), IP),
                404, "not-found");
        assertProblem(fixture.challenge("no-such-article"), 404, "not-found");
        assertEquals(before, fixture.writtenState());
    }

    @Test
    void commentsClosedOnTheArticleAre403() {
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "Hello");
        fixture.setCommentsOpen(SLUG, false);
        assertRefusedWithoutWrites(fields, 403, "comments-closed");
        assertProblem(fixture.challenge(SLUG), 403, "comments-closed");
        fixture.setCommentsOpen(SLUG, true);
        assertEquals(201, fixture.submitJson(SLUG, fields, IP).getStatusCode());
    }

    @Test
    void commentsCloseTheConfiguredDaysAfterPublication() {
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "Hello");
        fixture.configure(Mode.FIRST_TIME, List.of(), List.of(), 2);
        assertRefusedWithoutWrites(fields, 403, "comments-closed");
        fixture.configure(Mode.FIRST_TIME, List.of(), List.of(), 3);
        assertEquals(201, fixture.submitJson(SLUG, fields, IP).getStatusCode());
    }

    // --- fields ---

    @Test
    void everyFailingFieldIsListedAtOnce() {
        Map<String, String> fields = fixture.validFields("", "not-an-email", "   ");
        fields.put("url", "ftp://example.com/");
        fields.put("parentId", "nonsense");
        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, IP);
        assertEquals(List.of("author", "email", "url", "content", "parentId"), fields(assertProblem(response, 400, "invalid-request")));
    }

    @Test
    void tooLongFieldsAreRefusedWithTheirLimits() {
        Map<String, String> fields = fixture.validFields("n".repeat(246), "e".repeat(90) + "@example.com", "Hello");
        fields.put("url", "https://example.com/" + "p".repeat(181));
        JsonNode problem = assertProblem(fixture.submitJson(SLUG, fields, IP), 400, "invalid-request");
        assertEquals(List.of("author", "email", "url"), fields(problem));
        problem.path("errors").forEach(error -> assertEquals("too-long", error.path("code").asText()));
        fields = fixture.validFields("n".repeat(245), "e".repeat(88) + "@example.com", "Hello");
        fields.put("url", "https://example.com/" + "p".repeat(180));
        assertEquals(201, fixture.submitJson(SLUG, fields, IP).getStatusCode(), "the limits themselves are allowed");
    }

    /** A body over 64 KiB is refused before its fields are read, so this limit is checked on the service. */
    @Test
    void contentOverItsLimitIsRefused() {
        Map<String, String> fields = fixture.validFields("Jane", "jane@example.com", "ignored");
        String tooLong = "  " + "c".repeat(65_526) + "  ";
        List<Long> before = fixture.writtenState();
        ProblemException error = assertThrows(ProblemException.class, () -> fixture.service.submit(SLUG, new Submission(
                "Jane", "jane@example.com", null, tooLong, null, fields.get("challengeToken"), fields.get("challengePassword"), null, null, IP)));
        assertEquals("content", error.problem().errors().get(0).field());
        assertEquals("too-long", error.problem().errors().get(0).code());
        assertEquals(before, fixture.writtenState());
        String atLimit = "  " + "c".repeat(65_525) + "  ";
        assertEquals(CommentStatus.PENDING, fixture.service.submit(SLUG, new Submission("Jane", "jane@example.com", null, atLimit,
                null, fields.get("challengeToken"), fields.get("challengePassword"), null, null, IP)).comment().status());
    }

    @Test
    void aReplyNeedsAnApprovedParentOfTheSameArticle() {
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        String approved = submit("Ann", "ann@example.com", "Parent", "198.51.100.1").path("id").asText();
        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
        String pending = submit("Bob", "bob@example.com", "Pending parent", "198.51.100.2").path("id").asText();
        for (String parent : new String[] {pending, "01HZZZZZZZZZZZZZZZZZZZZZZZ"}) {
            Map<String, String> fields = fixture.validFields("Cy", "cy@example.com", "Reply to " + parent);
            fields.put("parentId", parent);
            APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, "198.51.100.3");
            assertEquals(List.of("parentId"), fields(assertProblem(response, 400, "invalid-request")));
        }
        Map<String, String> reply = fixture.validFields("Cy", "cy@example.com", "A reply");
        reply.put("parentId", approved);
        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, reply, "198.51.100.3");
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(approved, json(response).path("parentId").asText());
    }

    @Test
    void repliesNestAtMostFiveDeep() {
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        String parent = null;
        for (int depth = 1; depth <= 5; depth++) {
            Map<String, String> fields = fixture.validFields("Level " + depth, "l" + depth + "@example.com", "Depth " + depth);
            if (parent != null) {
                fields.put("parentId", parent);
            }
            APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, "198.51.100." + depth);
            assertEquals(201, response.getStatusCode(), response.getBody());
            parent = json(response).path("id").asText();
        }
        Map<String, String> tooDeep = fixture.validFields("Level 6", "l6@example.com", "Depth 6");
        tooDeep.put("parentId", parent);
        JsonNode problem = assertRefusedWithoutWrites(tooDeep, 400, "invalid-request");
        assertEquals("too-deep", problem.path("errors").get(0).path("code").asText());
    }

    // --- flood, duplicate, honeypot ---

    @Test
    void theSameIpWithin15SecondsIs429WithRetryAfter() {
        submit("Jane", "jane@example.com", "One", IP);
        fixture.clock.advance(Duration.ofSeconds(5));
        Map<String, String> fields = fixture.validFields("Other", "other@example.com", "Two");
        List<Long> before = fixture.writtenState();
        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, IP);
        assertProblem(response, 429, "comment-flood");
        assertEquals("11", response.getHeaders().get("Retry-After"));
        assertEquals(before, fixture.writtenState());
        fixture.clock.advance(Duration.ofSeconds(11));
        assertEquals(201, fixture.submitJson(SLUG, fields, IP).getStatusCode(), "the same token works once the wait is over");
    }

    @Test
    void theSameEmailWithin15SecondsIs429() {
        submit("Jane", "jane@example.com", "One", IP);
        Map<String, String> fields = fixture.validFields("Jane again", "JANE@example.com", "Two");
        List<Long> before = fixture.writtenState();
        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, "198.51.100.200");
        assertProblem(response, 429, "comment-flood");
        assertTrue(response.getHeaders().containsKey("Retry-After"));
        assertEquals(before, fixture.writtenState());
    }

    @Test
    void theSameCommentTwiceIs409() {
        submit("Jane", "jane@example.com", "Exactly this", IP);
        fixture.clock.advance(Duration.ofSeconds(16));
        assertRefusedWithoutWrites(fixture.validFields("Jane", "jane@example.com", "Exactly this"), 409, "duplicate-comment");
    }

    @Test
    void aFilledHoneypotLooksAcceptedButStoresNothingAndUsesTheChallenge() {
        Map<String, String> fields = fixture.validFields("Bot", "bot@example.com", "Buy things");
        fields.put("phone", "555-0100");
        long comments = fixture.count(fixture.tables.comments());
        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, IP);
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals("pending", json(response).path("status").asText());
        assertEquals(comments, fixture.count(fixture.tables.comments()));
        assertEquals(0, fixture.moderation.pending(null).size());
        fields.remove("phone");
        fixture.clock.advance(Duration.ofSeconds(20));
        assertProblem(fixture.submitJson(SLUG, fields, "198.51.100.77"), 403, "challenge-used");
    }

    // --- moderation on submission ---

    @Test
    void firstTimeModerationHoldsANewEmailAndApprovesAKnownOne() {
        JsonNode first = submit("Jane", "jane@example.com", "My first", IP);
        assertEquals("pending", first.path("status").asText());
        assertEquals(Moderation.Result.CHANGED, fixture.moderation.approve(SLUG + "/" + first.path("id").asText()));
        fixture.clock.advance(Duration.ofSeconds(16));
        JsonNode second = submit("Jane", "Jane@Example.com", "My second", IP);
        assertEquals("approved", second.path("status").asText());
        assertEquals(2, fixture.commentCount(SLUG), "the approval and the directly approved comment both count");
    }

    @Test
    void modeAllHoldsEverythingAndModeNoneApproves() {
        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
        assertEquals("pending", submit("A", "a@example.com", "text", "198.51.100.1").path("status").asText());
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        assertEquals("approved", submit("B", "b@example.com", "text", "198.51.100.2").path("status").asText());
        assertEquals(1, fixture.commentCount(SLUG));
    }

    @Test
    void twoLinksHoldAComment() {
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        assertEquals("approved", submit("A", "a@example.com", "see https://one.example", "198.51.100.1").path("status").asText());
        assertEquals("pending", submit("B", "b@example.com", "see https://one.example and http://two.example",
                "198.51.100.2").path("status").asText());
    }

    @Test
    void aModerationWordHoldsAndADisallowedWordMakesSpam() {
        fixture.configure(Mode.NONE, List.of("casino"), List.of("viagra"), 0);
        assertEquals("pending", submit("A", "a@example.com", "Great CASINO tips", "198.51.100.1").path("status").asText());
        JsonNode spam = submit("B", "b@example.com", "cheap Viagra", "198.51.100.2");
        assertEquals("pending", spam.path("status").asText(), "answered as pending: the sender learns nothing");
        assertEquals(CommentStatus.SPAM, fixture.stored(SLUG, spam.path("id").asText()).status());
        assertEquals(0, fixture.commentCount(SLUG));
        assertEquals(1, fixture.moderation.pending(SLUG).size(), "spam is not in the moderation queue");
    }

    // --- form posts ---

    @Test
    void aFormPostIsRedirectedBackToTheArticleWithItsOutcome() {
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        APIGatewayV2HTTPResponse approved = fixture.submitForm(SLUG, fixture.validFields("A", "a@example.com", "Form comment"), "198.51.100.1");
        assertEquals(303, approved.getStatusCode());
        String location = approved.getHeaders().get("Location");
        assertTrue(location.matches("https://news\\.example\\.com/articles/" + SLUG + "#comment-[0-9A-Z]{26}"), location);

        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
        APIGatewayV2HTTPResponse pending = fixture.submitForm(SLUG, fixture.validFields("B", "b@example.com", "Held"), "198.51.100.2");
        assertEquals("https://news.example.com/articles/" + SLUG + "?comment=pending#respond", pending.getHeaders().get("Location"));

        Map<String, String> wrong = fixture.validFields("C", "c@example.com", "Wrong password");
        wrong.put("challengePassword", "nope");
        APIGatewayV2HTTPResponse refused = fixture.submitForm(SLUG, wrong, "198.51.100.3");
        assertEquals(303, refused.getStatusCode());
        assertEquals("https://news.example.com/articles/" + SLUG + "?comment-error=challenge-wrong-password#respond",
                refused.getHeaders().get("Location"));
    }

    // --- listing ---

    @Test
    void theListShowsApprovedCommentsOldestFirstPagedAndCached() {
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Ids order by millisecond; within one, by chance (as in any ULID scheme).
            fixture.clock.advance(Duration.ofMillis(1));
            ids.add(submit("Reader " + i, "r" + i + "@example.com", "Comment " + i, "198.51.100." + (10 + i)).path("id").asText());
        }
        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
        submit("Held", "held@example.com", "Not shown", "198.51.100.99");

        APIGatewayV2HTTPResponse first = fixture.list(SLUG, Map.of("limit", "3"), Map.of());
        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals("public, max-age=10", first.getHeaders().get("Cache-Control"));
        JsonNode page = json(first);
        assertEquals(ids.subList(0, 3), idsOf(page));
        JsonNode second = json(fixture.list(SLUG, Map.of("limit", "3", "cursor", page.path("nextCursor").asText()), Map.of()));
        assertEquals(ids.subList(3, 5), idsOf(second));
        assertTrue(second.path("nextCursor").isMissingNode());
        JsonNode comment = page.path("items").get(0);
        assertEquals("Reader 0", comment.path("author").path("name").asText());
        assertEquals("Comment 0", comment.path("contentHtml").asText());
        assertFalse(comment.has("email") || comment.has("status"));

        String etag = first.getHeaders().get("ETag");
        APIGatewayV2HTTPResponse notModified = fixture.list(SLUG, Map.of("limit", "3"), Map.of("if-none-match", etag));
        assertEquals(304, notModified.getStatusCode());
    }

    @Test
    void aForgedCursorOrLimitIs400AndAnUnknownArticle404() {
        assertEquals(List.of("cursor"), fields(assertProblem(fixture.list(SLUG, Map.of("cursor", "bm9wZQ"), Map.of()), 400, "invalid-request")));
        assertEquals(List.of("limit"), fields(assertProblem(fixture.list(SLUG, Map.of("limit", "101"), Map.of()), 400, "invalid-request")));
        assertProblem(fixture.list("no-such-article", Map.of(), Map.of()), 404, "not-found");
    }

    // --- privacy ---

    @Test
    void noPublicResponseCarriesTheEmailOrAnIpDerivedValue() {
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        List<String> bodies = new ArrayList<>();
        APIGatewayV2HTTPResponse created = fixture.submitJson(SLUG, fixture.validFields("Jane", "jane.private@example.com", "Hi"), IP);
        bodies.add(created.getBody());
        APIGatewayV2HTTPResponse flood = fixture.submitJson(SLUG, fixture.validFields("Jane", "jane.private@example.com", "Again"), IP);
        bodies.add(flood.getBody());
        bodies.add(fixture.list(SLUG, Map.of(), Map.of()).getBody());
        String ipHash = fixture.aws.dynamoDb().scan(scan -> scan.tableName(fixture.tables.comments())).items().get(0).get("ipHash").s();
        String emailHash = CommentsFixture.KEYS.hash("email", "jane.private@example.com");
        for (String body : bodies) {
            assertFalse(body.contains("jane.private"), body);
            assertFalse(body.contains(IP), body);
            assertFalse(body.contains(ipHash), body);
            assertFalse(body.contains(emailHash), body);
        }
    }

    // --- helpers ---

    private JsonNode submit(String author, String email, String content, String ip) {
        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fixture.validFields(author, email, content), ip);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response);
    }

    private JsonNode assertRefusedWithoutWrites(Map<String, String> fields, int status, String type) {
        List<Long> before = fixture.writtenState();
        JsonNode problem = assertProblem(fixture.submitJson(SLUG, fields, IP), status, type);
        assertEquals(before, fixture.writtenState(), "nothing written on a " + status);
        return problem;
    }

    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertEquals(Problem.TYPE_BASE + type, problem.path("type").asText(), response.getBody());
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
