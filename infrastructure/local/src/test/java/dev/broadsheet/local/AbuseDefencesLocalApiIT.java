package dev.broadsheet.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.core.Json;
import dev.broadsheet.local.seed.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance through the local API over HTTP, started as with
 * {@code --param CommentProofOfWork=on --param CommentChallengesPerMinute=3 --param CommentFloodSeconds=0}:
 * clients are told apart by their address (each test's sockets are bound to their own 127.0.0.x).
 */
class AbuseDefencesLocalApiIT {

    private static final String SLUG = SampleArticle.SLUG;
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS = new java.util.concurrent.atomic.AtomicInteger(10);
    private static LocalApi api;
    private static Moderation moderation;

    @BeforeAll
    static void start() {
        api = LocalApi.start(Settings.inMemory().withParameters(Map.of("CommentProofOfWork", "on",
                "CommentChallengesPerMinute", "3", "CommentFloodSeconds", "0")));
        Map<String, String> names = api.aws().physicalNames();
        moderation = new Moderation(api.aws().dynamoDb(),
                new DynamoComments.Tables(names.get("ArticlesTable"), names.get("CommentsTable"), names.get("GuardsTable")));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void oneAddressOverItsChallengeLimitGets429WhileAnotherAddressPosts() throws Exception {
        LoopbackClient greedy = new LoopbackClient("127.0.0.2");
        LoopbackClient reader = new LoopbackClient("127.0.0.3");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, challenge(greedy).status());
        }
        LoopbackClient.Response refused = challenge(greedy);
        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.header("content-type").startsWith("application/problem+json"));
        assertEquals("too-many-challenges", type(refused));
        int retryAfter = Integer.parseInt(refused.header("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "until the minute ends: " + retryAfter);

        // At the same time, from another address: a challenge, its proof of work, a comment.
        LoopbackClient.Response created = submit(reader, fields(reader, "Another Reader", "another.reader@example.com", "Still here"), true);
        assertEquals(201, created.status(), created.body());
        assertEquals(429, challenge(greedy).status(), "the first address is still over its limit");
    }

    @Test
    void withProofOfWorkOnASubmissionNeedsItsSolutionAndEachSolutionWorksOnce() throws Exception {
        LoopbackClient client = new LoopbackClient("127.0.0.4");
        JsonNode challenge = Json.MAPPER.readTree(challenge(client).body());
        JsonNode altcha = challenge.path("altcha");
        assertEquals("SHA-256", altcha.path("algorithm").asText());
        assertEquals(80_000, altcha.path("maxnumber").asLong(), "the template's default difficulty");

        Map<String, String> fields = fields(challenge, "Pow Reader", "pow.reader@example.com", "Proof attached");
        LoopbackClient.Response missing = submit(client, fields, false);
        assertEquals(403, missing.status(), missing.body());
        assertEquals("proof-of-work-missing", type(missing));
        assertEquals("altcha", Json.MAPPER.readTree(missing.body()).path("errors").get(0).path("field").asText());

        fields.put("altcha", solve(altcha));
        assertEquals(201, submit(client, fields, false).status());

        Map<String, String> replay = fields(Json.MAPPER.readTree(challenge(client).body()), "Pow Reader", "pow.reader@example.com", "Again");
        replay.put("altcha", fields.get("altcha"));
        LoopbackClient.Response used = submit(client, replay, false);
        assertEquals(403, used.status(), used.body());
        assertEquals("proof-of-work-used", type(used));
    }

    @Test
    void anotherNameWithAnApprovedEmailIsHeldAndSpamWithdrawsTheEmailsStanding() throws Exception {
        JsonNode first = Json.MAPPER.readTree(post("Ann Archer", "ann.archer@example.com", "First").body());
        assertEquals("pending", first.path("status").asText());
        assertEquals(Moderation.Result.CHANGED, moderation.approve(SLUG + "/" + first.path("id").asText()));
        assertEquals("approved", status(post("Ann Archer", "ann.archer@example.com", "Known")));

        assertEquals("pending", status(post("Bob Baker", "ann.archer@example.com", "Not Ann")),
                "name B with the approved email of name A is held");

        assertEquals(Moderation.Result.CHANGED, moderation.spam(SLUG + "/" + first.path("id").asText()));
        assertEquals("pending", status(post("Ann Archer", "ann.archer@example.com", "After spam")),
                "after one of the email's comments is marked spam, name A is held too");
    }

    @Test
    void aBannedEmailsSubmissionAnswersAsAcceptedAndIsNeverListed() throws Exception {
        assertTrue(moderation.banEmail("banned.reader@example.com"));
        LoopbackClient.Response answer = post("Banned", "Banned.Reader+x@example.com", "Let me in");
        assertEquals(201, answer.status(), answer.body());
        assertEquals("pending", status(answer));
        LoopbackClient.Response list = new LoopbackClient("127.0.0.1").get(api.port(), "/articles/" + SLUG + "/comments");
        assertEquals(200, list.status());
        assertFalse(list.body().contains("Let me in"), list.body());
        assertTrue(moderation.pending(SLUG).stream().noneMatch(comment -> comment.author().equals("Banned")), "not even queued");
    }

    // --- helpers ---

    /** A valid comment, proof of work solved, from an address of its own (127.0.0.10 and up). */
    private static LoopbackClient.Response post(String author, String email, String content) throws Exception {
        LoopbackClient client = new LoopbackClient("127.0.0." + NEXT_ADDRESS.getAndIncrement());
        return submit(client, fields(client, author, email, content), true);
    }

    private static LoopbackClient.Response challenge(LoopbackClient client) {
        return client.post(api.port(), "/articles/" + SLUG + "/challenges", null, null);
    }

    private static Map<String, String> fields(LoopbackClient client, String author, String email, String content) throws Exception {
        LoopbackClient.Response challenge = challenge(client);
        assertEquals(201, challenge.status(), challenge.body());
        return fields(Json.MAPPER.readTree(challenge.body()), author, email, content);
    }

    private static Map<String, String> fields(JsonNode challenge, String author, String email, String content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("author", author);
        fields.put("email", email);
        fields.put("content", content);
        fields.put("challengeToken", challenge.path("token").asText());
        fields.put("challengePassword", challenge.path("password").asText());
        fields.put("altchaChallenge", challenge.path("altcha").toString());
        return fields;
    }

    /** Posts the fields as JSON; with {@code solve}, the proof of work of the fields' challenge first. */
    private static LoopbackClient.Response submit(LoopbackClient client, Map<String, String> fields, boolean solve) throws Exception {
        Map<String, String> body = new LinkedHashMap<>(fields);
        String altcha = body.remove("altchaChallenge");
        if (solve) {
            body.put("altcha", solve(Json.MAPPER.readTree(altcha)));
        }
        return client.post(api.port(), "/articles/" + SLUG + "/comments", "application/json", Json.write(body));
    }

    /** As the widget does: numbers from 0 up until SHA-256(salt + number) is the challenge. */
    private static String solve(JsonNode altcha) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        String salt = altcha.path("salt").asText();
        String challenge = altcha.path("challenge").asText();
        for (long number = 0; number <= altcha.path("maxnumber").asLong(); number++) {
            if (HexFormat.of().formatHex(sha256.digest((salt + number).getBytes(StandardCharsets.UTF_8))).equals(challenge)) {
                String payload = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge + "\",\"number\":" + number + ",\"salt\":\""
                        + salt + "\",\"signature\":\"" + altcha.path("signature").asText() + "\"}";
                return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("unsolvable: " + altcha);
    }

    private static String status(LoopbackClient.Response response) throws Exception {
        assertEquals(201, response.status(), response.body());
        return Json.MAPPER.readTree(response.body()).path("status").asText();
    }

    private static String type(LoopbackClient.Response response) throws Exception {
        return Json.MAPPER.readTree(response.body()).path("type").asText().replace("https://broadsheet.dev/problems/", "");
    }
}
