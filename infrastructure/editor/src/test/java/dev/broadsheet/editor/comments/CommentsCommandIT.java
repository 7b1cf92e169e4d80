package dev.broadsheet.editor.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.handler.CreateChallengeHandler;
import dev.broadsheet.comments.handler.ListCommentsHandler;
import dev.broadsheet.comments.handler.SubmitCommentHandler;
import dev.broadsheet.comments.moderation.PersonalData;
import dev.broadsheet.comments.notify.MailRecords;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.comments.service.Limits;
import dev.broadsheet.comments.service.ModerationRules;
import dev.broadsheet.core.HttpEvents;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.schema.GuardSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.core.schema.NotificationSchema;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.editor.terminal.DisplayWidth;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code broadsheet comments ...} end to end against dynalite: articles published with
 * {@code broadsheet publish --local}, comments submitted through the comment handlers (held for
 * moderation), moderated with the command, read back through {@code GET /articles/{slug}/comments}.
 */
@ExtendWith(EmulatorsExtension.class)
class CommentsCommandIT {

    private static final String SLUG = "harbour-festival-draws-record-crowds";
    private static final String OTHER_SLUG = "library-reopens-after-repairs";
    private static final Challenges.Keys KEYS = new Challenges.Keys("editor-test-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
    private static final AtomicInteger SUBMISSIONS = new AtomicInteger();

    private final LocalAws aws;
    @TempDir
    Path dir;
    private Path localApiFile;
    private CreateChallengeHandler challenges;
    private SubmitCommentHandler submit;
    private ListCommentsHandler list;

    CommentsCommandIT(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void publishArticlesAndWireTheCommentRoutes() throws Exception {
        aws.reset();
        Map<String, String> names = aws.physicalNames();
        localApiFile = dir.resolve("state").resolve(LocalApiFile.NAME);
        new LocalApiFile("http://localhost:3999", aws.dynamoDbEndpoint(), aws.s3Endpoint(), aws.region().id(),
                aws.accessKeyId(), aws.secretAccessKey(), names.get("ArticlesTable"), names.get("ImagesBucket"),
                names.get("CommentsTable"), names.get("GuardsTable"), names.get("NotificationsTable"), 1).writeTo(localApiFile);
        for (String slug : List.of(SLUG, OTHER_SLUG)) {
            Path article = dir.resolve(slug + ".json");
            Files.writeString(article, """
                    {"slug": "%s", "headline": "Headline of %s", "body": [{"type": "paragraph", "text": "Text."}]}
                    """.formatted(slug, slug));
            Run published = editor("publish", article.toString(), "--local");
            assertEquals(0, published.code, published.toString());
        }
        // Every comment is held, as with COMMENT_MODERATION=all; no flood interval (COMMENT_FLOOD_SECONDS=0): a
        // banned address posts again at once.
        DynamoComments store = new DynamoComments(aws.dynamoDb(),
                new DynamoComments.Tables(names.get("ArticlesTable"), names.get("CommentsTable"), names.get("GuardsTable")));
        CommentService service = new CommentService(store, new Challenges(KEYS, Duration.ofMinutes(10), Clock.systemUTC()), KEYS,
                new ModerationRules(ModerationRules.Mode.ALL, List.of(), List.of()), 0, new Limits(Duration.ZERO, 1_000, 1_000),
                null, Clock.systemUTC());
        challenges = new CreateChallengeHandler(service, "https://news.example.com/articles/{slug}");
        submit = new SubmitCommentHandler(service, "https://news.example.com/articles/{slug}");
        list = new ListCommentsHandler(service, "public, max-age=10");
    }

    @Test
    void pendingListsTheHeldCommentsOfAllArticlesOrOfOne() {
        String ann = submitted(SLUG, "Ann Archer", "ann@example.com", "First! <b>Bold</b> &amp; proud");
        String bob = submitted(SLUG, "Bob Baker", "bob@example.com", "Second thoughts on the bridge.");
        String cy = submitted(OTHER_SLUG, "Cy Cole", "cy@example.com", "See https://a.example and https://b.example");

        Run all = editor("comments", "pending", "--local");
        assertEquals(0, all.code, all.toString());
        assertTrue(all.out.startsWith(ann + "  "), "the id first, whole:\n" + all.out);
        for (String expected : List.of(ann, bob, cy, "Ann Archer <ann@example.com>", "bob@example.com", "cy@example.com",
                "  First! Bold & proud", "held: every comment is held", "3 pending comments")) {
            assertTrue(all.out.contains(expected), expected + " in\n" + all.out);
        }
        assertTrue(all.out.indexOf(ann) < all.out.indexOf(bob), "oldest first:\n" + all.out);
        assertFalse(all.out.contains("<b>"), all.out);

        Run one = editor("comments", "pending", "--article", OTHER_SLUG, "--local");
        assertEquals(0, one.code, one.toString());
        assertTrue(one.out.contains(cy) && one.out.contains("1 pending comment on " + OTHER_SLUG), one.out);
        assertFalse(one.out.contains(ann) || one.out.contains(bob), one.out);

        Run limited = editor("comments", "pending", "--limit", "1", "--local");
        assertTrue(limited.out.contains(ann) && !limited.out.contains(bob) && limited.out.contains("1 of 3 pending comments"),
                limited.out);
    }

    @Test
    void pendingFitsTheTerminalWhateverTheNamesAndTextsAreMadeOf() throws Exception {
        submitted(SLUG, "山田太郎 Yamada Tarō, 東京新聞 特派員 😀👍🏽", "yamada.taro.correspondent@tokyo-shimbun.example.co.jp",
                "とても良い記事でした。橋の建設について、もっと詳しく知りたいです。🇯🇵 Très bien écrit, merci beaucoup! ✅✅✅ "
                        + "The quick brown fox jumps over the lazy dog again and again and again.");
        submitted(SLUG, "Zoë Ångström-Łukasiewicz", "zoe@example.com", "cafe\u0301 ".repeat(40));

        for (int columns : new int[] {100, 80, 60}) {
            Run run = editor(Map.of("COLUMNS", Integer.toString(columns)), "comments", "pending", "--local");
            assertEquals(0, run.code, run.toString());
            List<String> lines = run.out.lines().toList();
            assertEquals(3 * 2 + 1, lines.size(), run.out);
            for (String line : lines) {
                // An id is never cut (approve takes it whole): at 60 columns it is the one line that is longer.
                boolean wholeId = line.matches(SLUG + "/[0-9A-Z]{26}");
                assertTrue(DisplayWidth.of(line) <= columns || wholeId, columns + ": " + DisplayWidth.of(line) + " columns: " + line);
            }
            assertTrue(lines.get(1).contains("山田太郎") && lines.get(2).endsWith("…"), run.out);
        }
    }

    @Test
    void pendingAsJsonIsOneDocumentForScripts() throws Exception {
        String ann = submitted(SLUG, "Ann Archer", "ann@example.com", "First! <b>Bold</b> &amp; proud");

        Run run = editor("comments", "pending", "--json", "--local");

        assertEquals(0, run.code, run.toString());
        JsonNode document = Json.MAPPER.readTree(run.out);
        assertEquals(1, document.path("count").asInt());
        JsonNode comment = document.path("comments").get(0);
        assertEquals(ann, comment.path("id").asText());
        assertEquals(SLUG, comment.path("article").asText());
        assertEquals("ann@example.com", comment.path("email").asText());
        assertEquals("First! Bold & proud", comment.path("text").asText());
        assertEquals("every comment is held", comment.path("heldBecause").asText());
    }

    @Test
    void aSlugThatNamesNoArticleIsAnErrorNotAnEmptyQueue() {
        Run run = editor("comments", "pending", "--article", "harbour-festival-draws-record-crowd", "--local");
        assertEquals(Editor.FAILED, run.code, run.toString());
        assertTrue(run.err.contains("there is no article harbour-festival-draws-record-crowd"), run.err);
    }

    @Test
    void approvingShowsCommentsAndCountsEachOnce() {
        String first = submitted(SLUG, "Ann Archer", "ann@example.com", "A fine festival.");
        String second = submitted(SLUG, "Bob Baker", "bob@example.com", "Too crowded for me.");
        String third = submitted(SLUG, "Cy Cole", "cy@example.com", "Held for later.");
        assertEquals(List.of(), listed(SLUG));

        Run approve = editor("comments", "approve", first, second, "--local");
        assertEquals(0, approve.code, approve.toString());
        assertTrue(approve.out.contains("Changed:   " + first + " is now approved"), approve.out);
        assertTrue(approve.out.contains("2 changed, 0 unchanged, 0 not found"), approve.out);
        assertEquals(List.of(idOf(first), idOf(second)), listed(SLUG));
        assertEquals(2, commentCount(SLUG));

        Run again = editor("comments", "approve", first, "--local");
        assertEquals(0, again.code, again.toString());
        assertTrue(again.out.contains("Unchanged: " + first + " was already approved"), again.out);
        assertEquals(2, commentCount(SLUG), "approving twice counts once");
        assertEquals(2, listed(SLUG).size());

        Run pending = editor("comments", "pending", "--article", SLUG, "--local");
        assertTrue(pending.out.contains(third) && !pending.out.contains(first) && !pending.out.contains(second), pending.out);
    }

    @Test
    void spamAndTrashTakeApprovedCommentsOutOfTheListAndTheCount() {
        String first = submitted(SLUG, "Ann Archer", "ann@example.com", "Buy cheap watches.");
        String second = submitted(SLUG, "Bob Baker", "bob@example.com", "Off topic, sorry.");
        assertEquals(0, editor("comments", "approve", first, second, "--local").code);
        assertEquals(2, commentCount(SLUG));

        Run spam = editor("comments", "spam", first, "--local");
        assertEquals(0, spam.code, spam.toString());
        assertTrue(spam.out.contains("Changed:   " + first + " is now spam"), spam.out);
        assertEquals(List.of(idOf(second)), listed(SLUG));
        assertEquals(1, commentCount(SLUG));

        Run trash = editor("comments", "trash", second, first, "--local");
        assertEquals(0, trash.code, trash.toString());
        assertEquals(List.of(), listed(SLUG));
        assertEquals(0, commentCount(SLUG), "spam → trash does not count down twice");

        Run again = editor("comments", "trash", second, "--local");
        assertTrue(again.out.contains("Unchanged: " + second + " was already trash"), again.out);
        assertEquals(0, commentCount(SLUG));
    }

    @Test
    void anUnknownIdFailsAfterTheOthersAreDoneAndAMalformedOneChangesNothing() {
        String known = submitted(SLUG, "Ann Archer", "ann@example.com", "Known comment.");
        String unknown = SLUG + "/01HZZZZZZZZZZZZZZZZZZZZZZZ";

        Run run = editor("comments", "approve", unknown, known, "--local");
        assertEquals(Editor.FAILED, run.code, run.toString());
        assertTrue(run.out.contains("Not found: " + unknown), run.out);
        assertTrue(run.out.contains("1 changed, 0 unchanged, 1 not found"), run.out);
        assertTrue(run.err.contains("no comment " + unknown), run.err);
        assertEquals(1, commentCount(SLUG));

        String held = submitted(SLUG, "Bob Baker", "bob@example.com", "Still held.");
        Run malformed = editor("comments", "approve", held, "no-slash-here", "--local");
        assertEquals(Editor.USAGE, malformed.code, malformed.toString());
        assertTrue(malformed.err.contains("not a comment id: no-slash-here"), malformed.err);
        assertEquals(List.of(idOf(known)), listed(SLUG), "nothing approved when one id is malformed");
        assertEquals(1, commentCount(SLUG));
    }

    @Test
    void closingRefusesNewCommentsAndOpeningTakesThemAgain() {
        JsonNode challengeBeforeClosing = challenge(SLUG);

        Run close = editor("comments", "close", SLUG, "--local");
        assertEquals(0, close.code, close.toString());
        assertTrue(close.out.contains("Closed comments on " + SLUG), close.out);
        assertEquals(403, submitWith(SLUG, challengeBeforeClosing, "Ann Archer", "ann@example.com", "Too late?").getStatusCode());
        assertEquals(403, challenges.handleRequest(event("POST", "/articles/" + SLUG + "/challenges", SLUG, null, null, "203.0.113.9"), null)
                .getStatusCode());
        assertEquals(201, submitWith(OTHER_SLUG, challenge(OTHER_SLUG), "Bob Baker", "bob@example.com", "Still open here.")
                .getStatusCode(), "only that article closes");

        Run closeAgain = editor("comments", "close", SLUG, "--local");
        assertEquals(0, closeAgain.code);
        assertTrue(closeAgain.out.contains("Unchanged: comments on " + SLUG + " were already closed"), closeAgain.out);

        Run open = editor("comments", "open", SLUG, "--local");
        assertEquals(0, open.code, open.toString());
        assertTrue(open.out.contains("Opened comments on " + SLUG), open.out);
        assertEquals(201, submitWith(SLUG, challenge(SLUG), "Ann Archer", "ann@example.com", "Now it works.").getStatusCode());

        Run unknown = editor("comments", "close", "no-such-article", "--local");
        assertEquals(Editor.FAILED, unknown.code);
        assertTrue(unknown.err.contains("there is no article no-such-article"), unknown.err);
    }

    @Test
    void bansOfAnEmailAndOfACommentsAddressSpamTheirSubmissionsAndAreListed() {
        String abusive = submittedFrom("198.51.100.250", SLUG, "Abuser", "abuser@example.com", "Nasty");

        Run banAddress = editor("comments", "ban", "--address-of", abusive, "--local");
        assertEquals(0, banAddress.code, banAddress.toString());
        assertTrue(banAddress.out.contains("Changed:   the address of " + abusive + " is now banned"), banAddress.out);
        Run again = editor("comments", "ban", "--address-of", abusive, "--local");
        assertTrue(again.out.contains("Unchanged: the address of " + abusive + " was already banned"), again.out);
        Run banEmail = editor("comments", "ban", "Spammer+promo@Example.com", "--local");
        assertEquals(0, banEmail.code, banEmail.toString());

        // From the banned address under a new name, and from elsewhere with the banned email: both look accepted.
        APIGatewayV2HTTPResponse fromAddress = submitFrom("198.51.100.250", SLUG, challenge(SLUG), "New Name", "new@example.com", "Hi");
        APIGatewayV2HTTPResponse fromEmail = submitWith(SLUG, challenge(SLUG), "Spammer", "spammer@example.com", "Buy");
        for (APIGatewayV2HTTPResponse response : List.of(fromAddress, fromEmail)) {
            assertEquals(201, response.getStatusCode(), response.getBody());
            assertEquals("pending", json(response).path("status").asText());
        }
        Run pending = editor("comments", "pending", "--local");
        assertFalse(pending.out.contains("new@example.com") || pending.out.contains("spammer@example.com"), pending.out);
        assertTrue(listed(SLUG).isEmpty());

        Run bans = editor("comments", "bans", "--local");
        assertEquals(0, bans.code, bans.toString());
        assertTrue(bans.out.lines().anyMatch(line -> line.matches("email +spammer@example\\.com +\\S.*")), bans.out);
        assertTrue(bans.out.lines().anyMatch(line -> line.startsWith("address") && line.contains("  address of " + abusive)), bans.out);
        assertTrue(bans.out.contains("2 bans in"), bans.out);
        assertFalse(bans.out.contains("198.51.100.250"), "no address is stored, so none is shown");

        Run unban = editor("comments", "unban", "--address-of", abusive, "--local");
        assertTrue(unban.out.contains("is now unbanned"), unban.out);
        assertTrue(editor("comments", "unban", "spammer@example.com", "--local").out.contains("is now unbanned"));
        assertTrue(editor("comments", "bans", "--local").out.contains("0 bans in"));

        Run unknown = editor("comments", "ban", "--address-of", SLUG + "/01ARZ3NDEKTSV4RRFFQ69G5FAV", "--local");
        assertEquals(Editor.FAILED, unknown.code);
        assertTrue(unknown.err.contains("no comment " + SLUG + "/01ARZ3NDEKTSV4RRFFQ69G5FAV"), unknown.err);
        assertEquals(2, editor("comments", "ban", "--local").code, "an email or --address-of");
        assertEquals(2, editor("comments", "ban", "a@example.com", "--address-of", abusive, "--local").code, "not both");
        assertEquals(2, editor("comments", "ban", "not-an-email", "--local").code);
        assertEquals(2, editor("comments", "ban", "--address-of", "not-an-id", "--local").code);
    }

    @Test
    void exportShowsEverythingHeldAboutAnAddressAndEraseLeavesItNowhere() throws Exception {
        String first = submitted(SLUG, "Ann Archer", "ann@example.com", "The bridge was closed all morning.");
        String second = submittedWith(Map.of("url", "https://ann.example"), OTHER_SLUG, "Ann A.", "Ann+news@Example.com",
                "And the ferry too.");
        String other = submitted(SLUG, "Bob Baker", "bob@example.com", "Not on our side of town.");
        assertEquals(0, editor("comments", "approve", first, other, "--local").code);
        assertEquals(0, editor("comments", "ban", "ann@example.com", "--local").code);
        Instant now = Instant.now();
        // Ann asked to be told of replies: the notification function records her subscription so.
        assertTrue(new MailRecords(aws.dynamoDb(), aws.physicalNames().get("NotificationsTable"))
                .claimConfirmation(NotificationSchema.addressKey("ann@example.com"), "Ann+news@Example.com", now, now));
        Set<String> hashes = hashesOf(first, second);

        Run export = editor("comments", "export", "ANN@example.com", "--local");
        assertEquals(0, export.code, export.toString());
        JsonNode document = Json.MAPPER.readTree(export.out);
        assertEquals("ann@example.com", document.path("matchedAs").asText());
        List<String> ids = new ArrayList<>();
        document.path("comments").forEach(comment -> ids.add(comment.path("moderationId").asText()));
        assertEquals(List.of(first, second), ids, "both spellings of the mailbox, oldest first");
        assertEquals("https://ann.example", document.path("comments").get(1).path("authorUrl").asText());
        assertEquals("Ann+news@Example.com", document.path("comments").get(1).path("email").asText(), "as typed");
        List<String> kinds = new ArrayList<>();
        document.path("records").forEach(record -> kinds.add(record.path("kind").asText()));
        assertTrue(kinds.containsAll(List.of("ban", "standing", "rate-counter", "duplicate-marker", "subscription")),
                kinds.toString());
        assertFalse(export.out.contains(hashes.iterator().next()), "hashes are named, not shown");

        Run erase = editor("comments", "erase", "ann@example.com", "--local");
        assertEquals(0, erase.code, erase.toString());
        assertTrue(erase.out.contains("Anonymised: 2 comment(s)") && erase.out.contains("the ban of the address")
                && erase.out.contains("Expiring:   1 flood or rate marker(s)"), erase.out);
        assertNowhere("ann@example.com", hashes);
        assertEquals(List.of(idOf(first), idOf(other)), listed(SLUG), "the comments stay");
        assertEquals(2, commentCount(SLUG));
        JsonNode shown = json(list.handleRequest(event("GET", "/articles/" + SLUG + "/comments", SLUG, null, null, "203.0.113.1"), null));
        assertEquals(PersonalData.ANONYMOUS, shown.path("items").get(0).path("author").path("name").asText(), shown.toString());
        Run pending = editor("comments", "pending", "--local");
        assertTrue(pending.out.contains(second) && pending.out.contains(PersonalData.ANONYMOUS), "still moderatable:\n" + pending.out);

        Run again = editor("comments", "erase", "ann@example.com", "--local");
        assertTrue(again.out.startsWith("Nothing held about ann@example.com"), again.toString());
        JsonNode empty = Json.MAPPER.readTree(editor("comments", "export", "ann@example.com", "--local").out);
        assertTrue(empty.path("comments").isEmpty() && empty.path("records").isEmpty(), empty.toString());
        assertTrue(Json.MAPPER.readTree(editor("comments", "export", "bob@example.com", "--local").out).path("comments").size() == 1,
                "another reader's data stays");
    }

    @Test
    void eraseWithDeleteCommentsKeepsCountsAndRepliesThreads() {
        String parent = submitted(SLUG, "Ann Archer", "ann@example.com", "Where was the parade?");
        assertEquals(0, editor("comments", "approve", parent, "--local").code);
        String reply = submittedWith(Map.of("parentId", idOf(parent)), SLUG, "Bob Baker", "bob@example.com", "On the quay.");
        String alone = submitted(SLUG, "Ann Archer", "ann@example.com", "Thanks, found it.");
        String pending = submitted(OTHER_SLUG, "Ann Archer", "ann@example.com", "Still waiting for a decision.");
        assertEquals(0, editor("comments", "approve", reply, alone, "--local").code);
        assertEquals(3, commentCount(SLUG));
        Set<String> hashes = hashesOf(parent, alone, pending);

        Run erase = editor("comments", "erase", "ann@example.com", "--delete-comments", "--local");
        assertEquals(0, erase.code, erase.toString());
        assertTrue(erase.out.contains("Deleted:    2 comment(s)") && erase.out.contains("Emptied:    1 comment(s)"), erase.out);
        assertNowhere("ann@example.com", hashes);
        assertEquals(1, commentCount(SLUG), "only Bob's reply is counted");
        assertEquals(List.of(idOf(parent), idOf(reply)), listed(SLUG), "the reply keeps its removed parent");
        JsonNode shown = json(list.handleRequest(event("GET", "/articles/" + SLUG + "/comments", SLUG, null, null, "203.0.113.1"), null));
        assertTrue(shown.path("items").get(0).path("removed").asBoolean(), shown.toString());
        assertFalse(shown.toString().contains("Where was the parade") || shown.toString().contains("Ann"), shown.toString());
        for (String gone : List.of(alone, pending)) {
            assertTrue(Items.isMissing(commentItem(gone)), gone + " is deleted");
        }
        assertEquals("", commentItem(parent).get("contentHtml").s(), "the placeholder keeps no text");
    }

    @Test
    void exportAndEraseRefuseWhatIsNotAnEmailAddress() {
        for (String command : List.of("export", "erase")) {
            Run run = editor("comments", command, "not-an-address", "--local");
            assertEquals(2, run.code, run.toString());
            assertTrue(run.err.contains("\"not-an-address\" is not an email address"), run.err);
        }
    }

    /** The keyed hashes stored with these comments (the email's and the author's). */
    private Set<String> hashesOf(String... moderationIds) {
        Set<String> hashes = new HashSet<>();
        for (String id : moderationIds) {
            Map<String, AttributeValue> item = commentItem(id);
            hashes.add(item.get("emailHash").s());
            hashes.add(item.get("authorHash").s());
        }
        return hashes;
    }

    /**
     * Neither the address (in any case or spelling) nor any of the hashes is in any attribute or key
     * of any table, but in the flood and rate markers that expire within the hour (the editor may
     * not delete them; nothing links their keyed hash to the address any more).
     */
    private void assertNowhere(String email, Set<String> hashes) {
        for (String table : aws.dynamoDb().listTables().tableNames()) {
            for (Map<String, AttributeValue> item : aws.dynamoDb().scanPaginator(scan -> scan.tableName(table)).items()) {
                String text = item.toString().toLowerCase(Locale.ROOT);
                assertFalse(text.contains(email) || text.contains(email.replace("@", "+news@")), table + ": " + item);
                String pk = item.containsKey("pk") ? item.get("pk").s() : "";
                if (pk.startsWith(GuardSchema.FLOOD_EMAIL) || pk.startsWith(GuardSchema.RATE_COMMENTS_EMAIL)) {
                    long expiresAt = Long.parseLong(item.get(GuardSchema.EXPIRES_AT).n());
                    assertTrue(expiresAt <= Instant.now().plusSeconds(3_600).getEpochSecond(), "expires within the hour: " + item);
                    continue;
                }
                hashes.forEach(hash -> assertFalse(text.contains(hash.toLowerCase(Locale.ROOT)), table + " holds a hash: " + item));
            }
        }
    }

    private Map<String, AttributeValue> commentItem(String moderationId) {
        String slug = moderationId.substring(0, moderationId.lastIndexOf('/'));
        return aws.dynamoDb().getItem(get -> get.tableName(aws.physicalNames().get("CommentsTable"))
                .key(Map.of("articleSlug", AttributeValue.fromS(slug), "commentId", AttributeValue.fromS(idOf(moderationId))))
                .consistentRead(true)).item();
    }

    /** Submits a comment with extra fields (a URL, a parent); returns its moderation id. */
    private String submittedWith(Map<String, String> extra, String slug, String author, String email, String content) {
        JsonNode challenge = challenge(slug);
        Map<String, String> fields = new HashMap<>(extra);
        fields.putAll(Map.of("author", author, "email", email, "content", content,
                "challengeToken", challenge.path("token").asText(), "challengePassword", challenge.path("password").asText()));
        APIGatewayV2HTTPResponse response = submit.handleRequest(event("POST", "/articles/" + slug + "/comments", slug,
                Json.write(fields), "application/json", "198.51.100." + (SUBMISSIONS.incrementAndGet() % 249 + 1)), null);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return slug + "/" + json(response).path("id").asText();
    }

    private String submittedFrom(String ip, String slug, String author, String email, String content) {
        APIGatewayV2HTTPResponse response = submitFrom(ip, slug, challenge(slug), author, email, content);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return slug + "/" + json(response).path("id").asText();
    }

    /** Submits a comment through the handlers; returns its moderation id, {@code <slug>/<comment id>}. */
    private String submitted(String slug, String author, String email, String content) {
        APIGatewayV2HTTPResponse response = submitWith(slug, challenge(slug), author, email, content);
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode comment = json(response);
        assertEquals("pending", comment.path("status").asText(), response.getBody());
        return slug + "/" + comment.path("id").asText();
    }

    private APIGatewayV2HTTPResponse submitWith(String slug, JsonNode challenge, String author, String email, String content) {
        return submitFrom("198.51.100." + (SUBMISSIONS.incrementAndGet() % 249 + 1), slug, challenge, author, email, content);
    }

    private APIGatewayV2HTTPResponse submitFrom(String ip, String slug, JsonNode challenge, String author, String email, String content) {
        String body = Json.write(Map.of("author", author, "email", email, "content", content,
                "challengeToken", challenge.path("token").asText(), "challengePassword", challenge.path("password").asText()));
        return submit.handleRequest(event("POST", "/articles/" + slug + "/comments", slug, body, "application/json", ip), null);
    }

    /** A challenge, from an address of its own each time. */
    private JsonNode challenge(String slug) {
        APIGatewayV2HTTPResponse response = challenges.handleRequest(
                event("POST", "/articles/" + slug + "/challenges", slug, null, null, "203.0.113." + (SUBMISSIONS.incrementAndGet() % 250 + 1)), null);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response);
    }

    /** Comment ids that {@code GET /articles/{slug}/comments} shows. */
    private List<String> listed(String slug) {
        APIGatewayV2HTTPResponse response = list.handleRequest(
                event("GET", "/articles/" + slug + "/comments", slug, null, null, "203.0.113.1"), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        List<String> ids = new ArrayList<>();
        json(response).path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private long commentCount(String slug) {
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(get -> get.tableName(aws.physicalNames().get("ArticlesTable"))
                .key(Map.of("slug", AttributeValue.fromS(slug))).consistentRead(true)).item();
        AttributeValue count = item.get("commentCount");
        return count == null ? 0 : Long.parseLong(count.n());
    }

    private static String idOf(String moderationId) {
        return moderationId.substring(moderationId.lastIndexOf('/') + 1);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String slug, String body, String contentType, String ip) {
        return HttpEvents.request(method, path).host("api.example.com").sourceIp(ip)
                .pathParameters(Map.of("slug", slug)).body(contentType, body).build();
    }

    private Run editor(String... args) {
        return editor(Map.of(), args);
    }

    private Run editor(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Editor.run(args, new PrintWriter(out), new PrintWriter(err),
                new Editor.Context(() -> localApiFile, Clock.systemUTC(), environment));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
