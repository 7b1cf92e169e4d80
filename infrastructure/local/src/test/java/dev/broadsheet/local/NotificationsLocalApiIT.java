package dev.broadsheet.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.NotificationSchema;
import dev.broadsheet.emulators.LocalSes.SentMail;
import dev.broadsheet.local.seed.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's acceptance, through the local API with aws-ses-v2-local: started with
 * {@code --param ModeratorEmails=editor@example.com --param NotificationSender=news@example.com}, the
 * notification function run by the template's Schedule event (its rate overridden to 300 ms, so
 * that no test waits a minute), every mail read back from the emulator's {@code GET /store}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsLocalApiIT {

    private static final String SLUG = SampleArticle.SLUG;
    private static final String MODERATOR = "editor@example.com";
    private static final String FUNCTION = "NotificationFunction";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/email-actions/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalApi api;
    private static Moderation moderation;
    private static Map<String, String> names;

    @BeforeAll
    static void start() {
        api = LocalApi.start(Settings.inMemory().withParameters(Map.of("ModeratorEmails", MODERATOR,
                "NotificationSender", "news@example.com", "ModeratorDigestMinutes", "0", "NotificationRetrySeconds", "1",
                "CommentFloodSeconds", "0", "CommentChallengesPerMinute", "10000", "CommentsPerHour", "10000"))
                .withSchedulePeriod(Duration.ofMillis(300)));
        names = api.aws().physicalNames();
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
    @Order(1)
    void aHeldCommentReachesTheModeratorWhoseLinkAsksThenApprovesOnceAndOnlyOnce() throws Exception {
        String id = submit("Held Hannah", "hannah@example.com", "Is the bridge really going ahead?", null, false);
        SentMail digest = awaitMail(MODERATOR, "Is the bridge really going ahead?");
        assertFalse(digest.text().contains("hannah@example.com") || digest.html().contains("hannah@example.com"),
                "a moderator's mail names the commenter, never their address");
        assertTrue(digest.text().contains("first comment"), digest.text());
        String approve = link(digest.text(), "Approve: ");

        HttpResponse<String> page = get(approve);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Approve this comment?") && page.body().contains("<form method=\"post\">"), page.body());
        assertFalse(listed(id), "a GET changes nothing");

        HttpResponse<String> done = post(approve, "");
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("now <strong>approved</strong>"), done.body());
        assertTrue(listed(id), "approved through the editor's moderation code, and listed");

        HttpResponse<String> again = post(approve, "");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("already used"), again.body());
        String spam = link(digest.text(), "Spam:    ");
        assertEquals(409, post(spam, "").statusCode(), "the comment's other links went with it");
        assertTrue(listed(id), "nothing changed");
        assertEquals(400, get(approve.substring(0, approve.length() - 3) + "AAA").statusCode(), "a tampered link is refused");
    }

    @Test
    @Order(2)
    void aConfirmedReaderGetsOneMailPerApprovedReplyUntilUnsubscribing() throws Exception {
        String rita = "rita@example.com";
        String parent = submit("Rita Reader", rita, "Who pays for the bridge?", null, true);
        SentMail confirmation = awaitMail(rita, "Confirm");
        assertEquals("<" + link(confirmation.text(), "Stop all mail from us: ") + ">", confirmation.headers().get("List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", confirmation.headers().get("List-Unsubscribe-Post"));
        String confirm = link(confirmation.text(), "press Confirm:\n");
        assertEquals(200, get(confirm).statusCode());
        HttpResponse<String> confirmed = post(confirm, "");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.body().contains("Confirmed"), confirmed.body());
        assertEquals(Moderation.Result.CHANGED, moderation.approve(SLUG + "/" + parent));

        String reply = submit("Bob Builder", "bob@example.com", "The city does, <b>mostly</b>.", parent, false);
        assertEquals(Moderation.Result.CHANGED, moderation.approve(SLUG + "/" + reply));
        SentMail replyMail = awaitMail(rita, "mostly");
        assertTrue(replyMail.subject().contains("Bob Builder replied"), replyMail.subject());
        assertTrue(replyMail.html().contains("#comment-" + reply), "a link to the reply");
        assertFalse(replyMail.text().contains("bob@example.com") || replyMail.html().contains("bob@example.com"));
        assertFalse(replyMail.html().contains("<b>mostly</b>"), "the reply's markup is encoded, as text");
        assertEquals(List.of(rita), replyMail.to(), "one recipient: no other reader's address");
        assertTrue(replyMail.headers().get("List-Unsubscribe").startsWith("<http://localhost:"));

        String unsubscribe = replyMail.headers().get("List-Unsubscribe").replaceAll("[<>]", "");
        HttpResponse<String> oneClick = post(unsubscribe, "List-Unsubscribe=One-Click");
        assertEquals(200, oneClick.statusCode(), oneClick.body());
        assertEquals(200, post(unsubscribe, "List-Unsubscribe=One-Click").statusCode(), "unsubscribing again is fine (RFC 8058)");

        String later = submit("Carl Critic", "carl@example.com", "Nobody asked the river.", parent, false);
        assertEquals(Moderation.Result.CHANGED, moderation.approve(SLUG + "/" + later));
        awaitHandled(later);
        assertEquals(2, api.aws().ses().sentTo(rita).size(), "the confirmation and the one reply; nothing after unsubscribing");
    }

    @Test
    @Order(3)
    void aReaderWhoNeverConfirmsGetsNothingBeyondTheFirstMail() throws Exception {
        String uma = "uma@example.com";
        String first = submit("Uma Unsure", uma, "Where will the cyclists go?", null, true);
        awaitMail(uma, "Confirm");
        assertEquals(Moderation.Result.CHANGED, moderation.approve(SLUG + "/" + first));
        String reply = submit("Vic Voter", "vic@example.com", "On the lower deck.", first, false);
        assertEquals(Moderation.Result.CHANGED, moderation.approve(SLUG + "/" + reply));
        awaitHandled(reply);
        String second = submit("Uma Unsure", uma, "And the pedestrians?", null, true);
        awaitHandled(second);
        assertEquals(1, api.aws().ses().sentTo(uma).size(), "only the first confirmation: " + api.aws().ses().sentTo(uma));
    }

    @Test
    @Order(4)
    void aMailThatFailsIsRetriedAndSentOnce() throws Exception {
        api.aws().ses().stop();
        String pk = NotificationSchema.addressKey(MODERATOR);
        try {
            submit("Fay Failing", "fay@example.com", "Sent while mail was down.", null, false);
            await(() -> api.aws().dynamoDb().query(query -> query.tableName(names.get("NotificationsTable"))
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :digest)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":digest", AttributeValue.fromS("mail#digest#"))))
                    .items().stream().anyMatch(item -> "retry".equals(item.get("state").s())), "a digest waiting to be retried");
        } finally {
            api.aws().ses().restart();
        }
        awaitMail(MODERATOR, "Sent while mail was down.");
        long runs = api.scheduledRuns(FUNCTION);
        await(() -> api.scheduledRuns(FUNCTION) >= runs + 3, "three more runs");
        assertEquals(1, api.aws().ses().sentTo(MODERATOR).stream().filter(mail -> mail.text().contains("Sent while mail was down.")).count(),
                "sent once, never again");
    }

    /**
     * Issue 14's acceptance for personal data: {@code broadsheet comments export} and {@code erase}
     * on the local API, for a reader with a confirmed subscription, mails sent and an approved comment;
     * after {@code erase} the address is in no table (the mails already sent stay in the mail server).
     */
    @Test
    @Order(5)
    void aReadersDataIsExportedAndThenErasedFromEveryTable(@TempDir Path dir) throws Exception {
        String erin = "erin@example.com";
        String id = submit("Erin Example", "Erin+news@Example.com", "Please tell me when someone answers.", null, true);
        String confirm = link(awaitMail("Erin+news@Example.com", "Confirm").text(), "press Confirm:\n");
        assertEquals(200, post(confirm, "").statusCode());
        assertEquals(Moderation.Result.CHANGED, moderation.approve(SLUG + "/" + id));
        Path discovery = dir.resolve("local-api.json");
        api.discovery().writeTo(discovery);
        Editor.Context context = new Editor.Context(() -> discovery, Clock.systemUTC());

        StringWriter exported = new StringWriter();
        assertEquals(0, Editor.run(new String[] {"comments", "export", erin, "--local"}, new PrintWriter(exported),
                new PrintWriter(new StringWriter()), context), exported.toString());
        JsonNode document = Json.MAPPER.readTree(exported.toString());
        assertEquals(SLUG + "/" + id, document.path("comments").get(0).path("moderationId").asText(), exported.toString());
        List<String> kinds = new java.util.ArrayList<>();
        document.path("records").forEach(record -> kinds.add(record.path("kind").asText()));
        assertTrue(kinds.containsAll(List.of("subscription", "mail", "mail-counter", "standing")), kinds.toString());

        StringWriter erased = new StringWriter();
        assertEquals(0, Editor.run(new String[] {"comments", "erase", erin, "--local"}, new PrintWriter(erased),
                new PrintWriter(new StringWriter()), context), erased.toString());
        for (String table : api.aws().dynamoDb().listTables().tableNames()) {
            api.aws().dynamoDb().scanPaginator(scan -> scan.tableName(table)).items().forEach(item ->
                    assertFalse(item.toString().toLowerCase(java.util.Locale.ROOT).contains("erin"), table + ": " + item));
        }
        assertTrue(listed(id), "the comment stays, by Anonymous");
    }

    /** Submits a comment as JSON with a fresh challenge; returns its id. */
    private static String submit(String author, String email, String content, String parentId, boolean notify) throws Exception {
        JsonNode challenge = Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(api.url() + "/articles/" + SLUG + "/challenges"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("author", author, "email", email, "content", content,
                "challengeToken", challenge.path("token").asText(), "challengePassword", challenge.path("password").asText(),
                "notify", notify));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api.url() + "/articles/" + SLUG + "/comments"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body()).path("id").asText();
    }

    private static boolean listed(String id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api.url() + "/articles/" + SLUG + "/comments?limit=100")).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"id\":\"" + id + "\"");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("accept", "text/html")
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The first link after {@code label} in a mail's text. */
    private static String link(String text, String label) {
        Matcher matcher = LINK.matcher(text.substring(text.indexOf(label) + label.length()));
        assertTrue(matcher.find(), "no link after '" + label + "' in " + text);
        return matcher.group();
    }

    private static SentMail awaitMail(String to, String containing) throws Exception {
        SentMail[] found = new SentMail[1];
        await(() -> {
            found[0] = api.aws().ses().sentTo(to).stream()
                    .filter(mail -> mail.subject().contains(containing) || mail.text().contains(containing)).findFirst().orElse(null);
            return found[0] != null;
        }, "a mail to " + to + " with '" + containing + "'");
        return found[0];
    }

    /** Until the notification function has handled the comment: out of the outbox. */
    private static void awaitHandled(String id) throws Exception {
        await(() -> !api.aws().dynamoDb().getItem(get -> get.tableName(names.get("CommentsTable"))
                .key(CommentSchema.key(SLUG, id)).consistentRead(true)).item().containsKey(CommentSchema.MAIL_QUEUE),
                "comment " + id + " handled");
    }

    /** Polls between scheduled runs (they come every 300 ms) until the condition holds. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + PATIENCE.toSeconds() + " s for " + what);
            Thread.sleep(100);
        }
    }
}
