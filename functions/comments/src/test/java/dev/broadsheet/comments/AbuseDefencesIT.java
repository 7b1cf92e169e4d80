package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.comments.challenge.ProofOfWork;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.service.Limits;
import dev.broadsheet.comments.service.ModerationRules.Mode;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.fields;
import static dev.broadsheet.comments.CommentsFixture.json;
import static dev.broadsheet.comments.SubmissionRulesIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse defences through the handlers, against dynalite, with a clock the test moves:
 * first-time moderation keyed on name + email, spam withdrawing standing, bans, per-client limits,
 * flood keys from the normalized email, and the proof of work.
 */
@ExtendWith(EmulatorsExtension.class)
class AbuseDefencesIT {

    private CommentsFixture fixture;

    @BeforeEach
    void setUp(LocalAws aws) {
        fixture = new CommentsFixture(aws);
    }

    // --- first-time moderation, as WordPress keys it ---

    @Test
    void anApprovedEmailUnderAnotherNameIsHeldAndSpamWithdrawsTheStandingButTrashDoesNot() {
        JsonNode first = submit("Ann Archer", "ann@example.com", "My first", "198.51.100.1");
        assertEquals("pending", first.path("status").asText());
        approve(first);

        assertEquals("approved", submit("ann  ARCHER", "Ann@Example.com", "Same person", "198.51.100.2").path("status").asText(),
                "the same name (case and spacing aside) and email");
        JsonNode impostor = submit("Bob Impostor", "ann@example.com", "Another name", "198.51.100.3");
        assertEquals("pending", impostor.path("status").asText(), "an approved email under another name is held");
        assertEquals("first comment from this name and email", fixture.stored(SLUG, impostor.path("id").asText()).heldBecause());

        assertEquals(Moderation.Result.CHANGED, fixture.moderation.trash(SLUG + "/" + impostor.path("id").asText()));
        assertEquals("approved", submit("Ann Archer", "ann@example.com", "After a trash", "198.51.100.4").path("status").asText(),
                "trash does not withdraw the standing");

        assertEquals(Moderation.Result.CHANGED, fixture.moderation.spam(SLUG + "/" + first.path("id").asText()));
        assertEquals("pending", submit("Ann Archer", "ann@example.com", "After a spam", "198.51.100.5").path("status").asText(),
                "spam on one of the email's comments withdraws its standing");

        JsonNode again = submit("Ann Archer", "ann@example.com", "Approved again later", "198.51.100.6");
        approve(again);
        assertEquals("approved", submit("Ann Archer", "ann@example.com", "Standing restored", "198.51.100.7").path("status").asText(),
                "an approval after the spam decision counts again");
    }

    // --- bans ---

    @Test
    void aBannedEmailLooksAcceptedGoesToSpamAndIsNeverListed() {
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        assertTrue(fixture.moderation.banEmail("Troll+x@Gmail.com"));
        assertFalse(fixture.moderation.banEmail("troll@gmail.com"), "the same mailbox is banned already");

        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fixture.validFields("Troll", "t.roll@googlemail.com", "Hello"),
                "198.51.100.10");
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode answer = json(response);
        assertEquals("pending", answer.path("status").asText(), "looks like any held comment");
        assertEquals(CommentStatus.SPAM, fixture.stored(SLUG, answer.path("id").asText()).status());
        assertEquals("banned email", fixture.stored(SLUG, answer.path("id").asText()).heldBecause());
        assertEquals(0, json(fixture.list(SLUG, Map.of(), Map.of())).path("items").size());
        assertEquals(0, fixture.moderation.pending(null).size(), "not in the moderation queue either");
        assertEquals(0, fixture.commentCount(SLUG));

        assertTrue(fixture.moderation.unbanEmail("troll@gmail.com"));
        fixture.clock.advance(Duration.ofSeconds(16));
        assertEquals("approved", submit("Troll", "troll@gmail.com", "Reformed", "198.51.100.10").path("status").asText());
    }

    @Test
    void aBanOfACommentsAddressSpamsEverySubmissionFromThatAddress() {
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        JsonNode abusive = submit("Someone", "someone@example.com", "Abuse", "198.51.100.20");
        assertEquals(java.util.Optional.of(true), fixture.moderation.banAddressOf(SLUG + "/" + abusive.path("id").asText()));

        JsonNode fromThere = submit("New Name", "fresh@example.com", "Under another name", "198.51.100.20");
        assertEquals("pending", fromThere.path("status").asText(), "looks held, as any comment can be");
        assertEquals(CommentStatus.SPAM, fixture.stored(SLUG, fromThere.path("id").asText()).status());
        assertEquals("banned address", fixture.stored(SLUG, fromThere.path("id").asText()).heldBecause());
        assertEquals("approved", submit("Other", "other@example.com", "From elsewhere", "198.51.100.21").path("status").asText());

        List<Moderation.Ban> bans = fixture.moderation.bans();
        assertEquals(1, bans.size());
        assertEquals(Moderation.Ban.ADDRESS, bans.get(0).kind());
        assertEquals("address of " + SLUG + "/" + abusive.path("id").asText(), bans.get(0).value());
        assertFalse(bans.toString().contains("198.51.100.20"), "no address is stored in clear");
        assertEquals(java.util.Optional.empty(), fixture.moderation.banAddressOf(SLUG + "/01ARZ3NDEKTSV4RRFFQ69G5FAV"));
    }

    // --- per-client limits ---

    @Test
    void challengesBeyondTheLimitAre429WithRetryAfterWhileAnotherAddressIsServed() {
        fixture.configure(Mode.FIRST_TIME, List.of(), List.of(), 0, new Limits(Duration.ofSeconds(15), 3, 30), null);
        fixture.clock.advance(Duration.ofSeconds(20)); // 10:00:20: 40 seconds left in the minute
        for (int i = 0; i < 3; i++) {
            assertEquals(201, fixture.challenge(SLUG, "198.51.100.30").getStatusCode());
        }
        List<Long> before = fixture.writtenState();
        APIGatewayV2HTTPResponse refused = fixture.challenge(SLUG, "198.51.100.30");
        assertProblem(refused, 429, "too-many-challenges");
        assertEquals("40", refused.getHeaders().get("Retry-After"));
        assertEquals(before, fixture.writtenState(), "a refused challenge counts nothing more");
        assertEquals(201, fixture.challenge(SLUG, "198.51.100.31").getStatusCode(), "another address is not affected");

        fixture.clock.advance(Duration.ofSeconds(40));
        assertEquals(201, fixture.challenge(SLUG, "198.51.100.30").getStatusCode(), "a new minute");
    }

    @Test
    void commentsBeyondTheHourlyLimitPerAddressAndPerEmailAre429WithNothingWritten() {
        fixture.configure(Mode.FIRST_TIME, List.of(), List.of(), 0, new Limits(Duration.ZERO, 100, 2), null);
        submit("A", "a@example.com", "one", "198.51.100.40");
        submit("B", "b@example.com", "two", "198.51.100.40");
        Map<String, String> third = fixture.validFields("C", "c@example.com", "three");
        List<Long> before = fixture.writtenState();
        APIGatewayV2HTTPResponse byAddress = fixture.submitJson(SLUG, third, "198.51.100.40");
        assertProblem(byAddress, 429, "too-many-comments");
        assertEquals("3568", byAddress.getHeaders().get("Retry-After"), "10:00:32 now; the hour began at 10:00:00");
        assertEquals(before, fixture.writtenState());
        assertEquals(201, fixture.submitJson(SLUG, third, "198.51.100.41").getStatusCode(), "another address posts");

        submit("A again", "A@Example.com", "four", "198.51.100.42");
        APIGatewayV2HTTPResponse byEmail = fixture.submitJson(SLUG, fixture.validFields("A", "a+x@example.com", "five"), "198.51.100.43");
        assertProblem(byEmail, 429, "too-many-comments");
        assertTrue(json(byEmail).path("detail").asText().startsWith("This email address has posted 2 comments this hour"));

        fixture.clock.advance(Duration.ofHours(1));
        assertEquals("pending", submit("A", "a@example.com", "next hour", "198.51.100.40").path("status").asText());
    }

    @Test
    void floodKeysComeFromTheNormalizedEmailAndAFloodIntervalOfZeroTurnsTheRuleOff() {
        submit("Jane", "jane@gmail.com", "First", "198.51.100.50");
        for (String variant : List.of("Jane+news@Gmail.com", "j.a.n.e@googlemail.com")) {
            APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fixture.validFields("Jane", variant, "Again " + variant),
                    "198.51.100.51");
            assertProblem(response, 429, "comment-flood");
        }
        // An invisible character is not a variant to key on: it is refused outright (issue 11), naming the field.
        APIGatewayV2HTTPResponse invisible = fixture.submitJson(SLUG, fixture.validFields("Jane", "ja\u200Bne@gmail.com", "Again"),
                "198.51.100.51");
        assertEquals("email", assertProblem(invisible, 400, "invalid-request").path("errors").get(0).path("field").asText());

        fixture.configure(Mode.FIRST_TIME, List.of(), List.of(), 0, new Limits(Duration.ZERO, 100, 100), null);
        for (String content : List.of("Second at once", "Third at once")) {
            APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fixture.validFields("Jane", "jane@gmail.com", content),
                    "198.51.100.50");
            assertEquals(201, response.getStatusCode(), response.getBody());
        }
    }

    @Test
    void theDuplicateKeyIsTheNormalizedEmailAndTheText() {
        submit("Jane", "jane@gmail.com", "Exactly this", "198.51.100.60");
        fixture.clock.advance(Duration.ofSeconds(16));
        assertProblem(fixture.submitJson(SLUG, fixture.validFields("Jane D.", "J.ane+1@gmail.com", "Exactly this"), "198.51.100.61"),
                409, "duplicate-comment");
    }

    // --- proof of work ---

    @Test
    void withProofOfWorkOnAChallengeCarriesAltchaAndASubmissionNeedsItsSolutionOnce() {
        fixture.configure(Mode.FIRST_TIME, List.of(), List.of(), 0, CommentsFixture.GENEROUS_LIMITS,
                new ProofOfWork(CommentsFixture.KEYS, 5_000, Duration.ofMinutes(10), fixture.clock));
        JsonNode challenge = json(fixture.challenge(SLUG));
        JsonNode altcha = challenge.path("altcha");
        assertEquals("SHA-256", altcha.path("algorithm").asText());
        assertEquals(5_000, altcha.path("maxnumber").asLong());
        assertTrue(altcha.path("salt").asText().matches("[0-9a-f]{32}\\?expires=1772359800&"), altcha.toString());
        assertTrue(altcha.path("challenge").asText().matches("[0-9a-f]{64}"));
        assertTrue(altcha.path("signature").asText().matches("[0-9a-f]{64}"));

        Map<String, String> fields = fields(challenge, "Jane", "jane@example.com", "Worked for it");
        List<Long> before = fixture.writtenState();
        JsonNode missing = assertProblem(fixture.submitJson(SLUG, fields, "198.51.100.70"), 403, "proof-of-work-missing");
        assertEquals("altcha", missing.path("errors").get(0).path("field").asText());
        assertEquals(before, fixture.writtenState());

        fields.put("altcha", CommentsFixture.solve(altcha));
        assertEquals(201, fixture.submitJson(SLUG, fields, "198.51.100.70").getStatusCode());

        Map<String, String> replay = fields(json(fixture.challenge(SLUG)), "Jane", "jane@example.com", "Same solution again");
        replay.put("altcha", fields.get("altcha"));
        fixture.clock.advance(Duration.ofSeconds(20));
        JsonNode used = assertProblem(fixture.submitJson(SLUG, replay, "198.51.100.71"), 403, "proof-of-work-used");
        assertEquals("altcha", used.path("errors").get(0).path("field").asText());

        // The same, as a plain form post: the refusal comes back as the 303's problem type.
        Map<String, String> form = fields(json(fixture.challenge(SLUG)), "Jo", "jo@example.com", "A form post");
        APIGatewayV2HTTPResponse redirect = fixture.submitForm(SLUG, form, "198.51.100.72");
        assertEquals(303, redirect.getStatusCode());
        assertTrue(redirect.getHeaders().get("Location").endsWith("?comment-error=proof-of-work-missing#respond"));
    }

    @Test
    void aSolutionSplicedBetweenSaltAndNumberForgedOrExpiredIsRefused() {
        ProofOfWork proofOfWork = new ProofOfWork(CommentsFixture.KEYS, 5_000, Duration.ofMinutes(10), fixture.clock);
        fixture.configure(Mode.FIRST_TIME, List.of(), List.of(), 0, CommentsFixture.GENEROUS_LIMITS, proofOfWork);
        JsonNode challenge = json(fixture.challenge(SLUG));
        JsonNode altcha = challenge.path("altcha");
        String salt = altcha.path("salt").asText();
        String number = new String(java.util.Base64.getDecoder().decode(CommentsFixture.solve(altcha)))
                .replaceAll(".*\"number\":(\\d+).*", "$1");
        String hash = altcha.path("challenge").asText();
        String signature = altcha.path("signature").asText();
        List<String> refused = List.of(
                // CVE-2025-68113's splice: the expiry's digits moved between salt and number hash alike.
                CommentsFixture.payload("SHA-256", hash, number.substring(1), salt + number.charAt(0), signature),
                CommentsFixture.payload("SHA-256", hash, number, salt.substring(0, salt.length() - 1), signature),
                CommentsFixture.payload("SHA-256", hash, "0" + number, salt, signature),
                CommentsFixture.payload("SHA-256", hash, Long.toString(Long.parseLong(number) + 1), salt, signature),
                CommentsFixture.payload("SHA-1", hash, number, salt, signature),
                CommentsFixture.payload("SHA-256", hash, number, salt, signature.replace(signature.charAt(0), signature.charAt(0) == 'a' ? 'b' : 'a')),
                "not base64 at all!");
        for (String payload : refused) {
            Map<String, String> fields = fields(challenge, "Jane", "jane@example.com", "Forged " + payload.hashCode());
            fields.put("altcha", payload);
            JsonNode problem = assertProblem(fixture.submitJson(SLUG, fields, "198.51.100.80"), 403,
                    payload.startsWith("not") || payload.equals(refused.get(4)) || payload.equals(refused.get(5))
                            ? "proof-of-work-invalid" : "proof-of-work-wrong");
            assertEquals("altcha", problem.path("errors").get(0).path("field").asText());
        }

        Map<String, String> late = fields(challenge, "Jane", "jane@example.com", "Too late");
        late.put("altcha", CommentsFixture.solve(altcha));
        fixture.clock.advance(Duration.ofMinutes(10));
        assertProblem(fixture.submitJson(SLUG, late, "198.51.100.81"), 403, "challenge-expired");
        assertEquals("proof-of-work-expired", proofOfWorkProblem(proofOfWork, late.get("altcha")));
    }

    // --- helpers ---

    private static String proofOfWorkProblem(ProofOfWork proofOfWork, String payload) {
        try {
            proofOfWork.verify(payload);
            return "accepted";
        } catch (dev.broadsheet.core.ProblemException e) {
            return e.problem().type().substring(dev.broadsheet.core.Problem.TYPE_BASE.length());
        }
    }

    private void approve(JsonNode submitted) {
        assertEquals(Moderation.Result.CHANGED, fixture.moderation.approve(SLUG + "/" + submitted.path("id").asText()));
    }

    /** A valid submission 16 seconds after the last, beyond the flood interval. */
    private JsonNode submit(String author, String email, String content, String ip) {
        fixture.clock.advance(Duration.ofSeconds(16));
        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fixture.validFields(author, email, content), ip);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response);
    }
}
