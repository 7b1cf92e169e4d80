package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.comments.handler.SubmitCommentHandler;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.notify.Deliverer;
import dev.broadsheet.comments.notify.EmailActionHandler;
import dev.broadsheet.comments.notify.EmailLinks;
import dev.broadsheet.comments.notify.MailRecords;
import dev.broadsheet.comments.notify.Mailer;
import dev.broadsheet.comments.notify.SesMailer;
import dev.broadsheet.comments.service.ModerationRules.Mode;
import dev.broadsheet.core.HttpEvents;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.NotificationSchema;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.emulators.LocalSes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.broadsheet.comments.CommentsFixture.ARTICLE_URL;
import static dev.broadsheet.comments.CommentsFixture.KEYS;
import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail against dynalite and aws-ses-v2-local (or a failing mailer, for the failures), with a clock
 * the test moves: digests bundle bursts, a failed try is retried, a mail that may have gone is never
 * sent again, the per-address limit, a link clicked twice at once, the outbox mark in the comment's write.
 */
@ExtendWith(EmulatorsExtension.class)
class NotificationsIT {

    private static final String MODERATOR = "mod@example.com";
    private CommentsFixture fixture;
    private MailRecords records;
    private EmailLinks links;
    private SubmitCommentHandler submit;

    @BeforeEach
    void setUp(LocalAws aws) {
        fixture = new CommentsFixture(aws);
        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
        records = new MailRecords(aws.dynamoDb(), aws.physicalNames().get("NotificationsTable"));
        links = new EmailLinks(KEYS, null, fixture.clock);
        submit = new SubmitCommentHandler(fixture.service, ARTICLE_URL, true);
    }

    private Deliverer deliverer(Mailer mailer, int perDay) {
        return new Deliverer(fixture.aws.dynamoDb(), fixture.tables, records, links, mailer, "The Test Times",
                new Deliverer.Settings("news@example.com", List.of(MODERATOR), Duration.ofMinutes(15), perDay, Duration.ofSeconds(60),
                        "https://api.example.com", ARTICLE_URL), fixture.clock);
    }

    private Mailer ses() {
        LocalSes ses = fixture.aws.ses();
        return new SesMailer(SesV2Client.builder().region(fixture.aws.region()).endpointOverride(ses.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret")))
                .httpClient(UrlConnectionHttpClient.create()).build());
    }

    /** A comment as a reader posts it (JSON, with {@code notify} when asked); its id. */
    private String submit(String author, String email, String content, String parentId, boolean notify) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(fixture.validFields(author, email, content));
        body.put("notify", notify);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        APIGatewayV2HTTPResponse response = submit.handleRequest(HttpEvents.request("POST", "/articles/" + SLUG + "/comments")
                .host("api.example.com").sourceIp("198.51.100." + (1 + Math.abs(email.hashCode()) % 200))
                .pathParameters(Map.of("slug", SLUG)).body("application/json", Json.write(body)).build(), null);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response).path("id").asText();
    }

    private List<LocalSes.SentMail> mailsTo(String address, String containing) {
        return fixture.aws.ses().sentTo(address).stream().filter(mail -> mail.text().contains(containing)).toList();
    }

    @Test
    void aBurstOfHeldCommentsIsOneDigestAndTheNextListsOnlyWhatCameSince() {
        Deliverer deliverer = deliverer(ses(), 10);
        submit("Ann", "ann.burst@example.com", "First of the burst", null, false);
        submit("Ben", "ben.burst@example.com", "Second of the burst", null, false);
        deliverer.run();
        List<LocalSes.SentMail> first = mailsTo(MODERATOR, "First of the burst");
        assertEquals(1, first.size());
        assertTrue(first.get(0).text().contains("Second of the burst"), "one mail lists both");
        assertTrue(first.get(0).subject().startsWith("2 comments wait"), first.get(0).subject());

        submit("Cy", "cy.burst@example.com", "Third, a minute later", null, false);
        fixture.clock.advance(Duration.ofMinutes(1));
        deliverer.run();
        assertEquals(0, mailsTo(MODERATOR, "Third, a minute later").size(), "at most one mail per ModeratorDigestMinutes");

        fixture.clock.advance(Duration.ofMinutes(15));
        deliverer.run();
        List<LocalSes.SentMail> second = mailsTo(MODERATOR, "Third, a minute later");
        assertEquals(1, second.size());
        assertFalse(second.get(0).text().contains("First of the burst"), "only what was held since the last");
        deliverer.run();
        assertEquals(1, mailsTo(MODERATOR, "Third, a minute later").size());
    }

    /** Fails as told, then sends (counting calls). */
    private static final class ScriptedMailer implements Mailer {
        final List<Outcome> failures = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String send(String from, dev.broadsheet.comments.notify.Mail mail) {
            calls.incrementAndGet();
            if (!failures.isEmpty()) {
                throw new Failure(failures.remove(0), "scripted", null);
            }
            return "message-" + calls.get();
        }
    }

    @Test
    void aTryThatSurelyFailedIsRetriedAfterItsBackoffAndOneThatMayHaveGoneIsNeverResent() {
        ScriptedMailer mailer = new ScriptedMailer();
        Deliverer deliverer = deliverer(mailer, 10);
        mailer.failures.add(Mailer.Outcome.RETRY);
        submit("Dee", "dee.retry@example.com", "Waiting for mail to work", null, false);
        Deliverer.Summary failed = deliverer.run();
        assertEquals(1, failed.retrying());
        fixture.clock.advance(Duration.ofSeconds(61));
        assertEquals(1, deliverer.run().sent(), "retried once its backoff (up to 60 s) passed");
        fixture.clock.advance(Duration.ofHours(1));
        deliverer.run();
        assertEquals(2, mailer.calls.get(), "and never again");

        mailer.failures.add(Mailer.Outcome.UNKNOWN);
        submit("Eve", "eve.unknown@example.com", "Perhaps sent", null, false);
        fixture.clock.advance(Duration.ofMinutes(16));
        assertEquals(1, deliverer.run().failed());
        fixture.clock.advance(Duration.ofHours(2));
        deliverer.run();
        assertEquals(3, mailer.calls.get(), "a mail that may have reached SES is not sent again");
        List<Map<String, AttributeValue>> digests = fixture.aws.dynamoDb().query(query -> query
                .tableName(fixture.aws.physicalNames().get("NotificationsTable"))
                .keyConditionExpression("pk = :pk AND begins_with(sk, :digest)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(NotificationSchema.addressKey(MODERATOR)),
                        ":digest", AttributeValue.fromS("mail#digest#")))).items();
        assertEquals(List.of("sent", "unknown"), digests.stream().map(item -> item.get("state").s()).sorted().toList());
    }

    @Test
    void aReaderGetsAtMostTheDailyLimitOfMails() {
        Deliverer deliverer = deliverer(ses(), 1);
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        submit = new SubmitCommentHandler(fixture.service, ARTICLE_URL, true);
        String parent = submit("Liz", "liz.limit@example.com", "Tell me everything", null, true);
        deliverer.run();
        assertEquals(1, fixture.aws.ses().sentTo("liz.limit@example.com").size(), "the confirmation");
        assertTrue(records.confirm(NotificationSchema.addressKey("liz.limit@example.com"), fixture.clock.instant()));
        String reply = submit("Max", "max.limit@example.com", "Everything, then", parent, false);
        deliverer.run();
        assertEquals(1, fixture.aws.ses().sentTo("liz.limit@example.com").size(), "the day's one mail went already");
        String state = records.delivery(NotificationSchema.addressKey("liz.limit@example.com"),
                NotificationSchema.mail(NotificationSchema.MAIL_REPLY, SLUG + "/" + reply)).orElseThrow().state();
        assertEquals("limited", state);
    }

    @Test
    void aModeratorsLinkClickedTwiceAtOnceDecidesOnce() throws Exception {
        String id = submit("Fred", "fred.twice@example.com", "Approve me twice", null, false);
        String token = links.sign(EmailLinks.Action.APPROVE, SLUG + "/" + id, links.nonce(), EmailLinks.ACTION_LIFETIME);
        EmailActionHandler handler = new EmailActionHandler(links, fixture.aws.dynamoDb(), fixture.tables, records, "The Test Times",
                fixture.clock);
        Callable<Integer> click = () -> handler.handleRequest(HttpEvents.request("POST", EmailActionHandler.PATH + token)
                .host("api.example.com").sourceIp("203.0.113.9").pathParameters(Map.of("token", token))
                .headers(Map.of("accept", "text/html")).build(), null).getStatusCode();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = pool.submit(click);
            Future<Integer> two = pool.submit(click);
            assertEquals(List.of(200, 409), java.util.stream.Stream.of(one.get(), two.get()).sorted().toList());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, fixture.commentCount(SLUG), "approved and counted once");
        assertEquals(409, (int) click.call(), "and the link stays used");
        assertEquals(Moderation.Result.UNCHANGED, fixture.moderation.approve(SLUG + "/" + id));
    }

    @Test
    void whatIsToBeSentIsMarkedInTheCommentsOwnWriteAndNothingWhenMailIsOff() {
        String asks = submit("Gil", "gil.mark@example.com", "Notify me", null, true);
        Map<String, AttributeValue> item = fixture.aws.dynamoDb().getItem(get -> get.tableName(fixture.tables.comments())
                .key(CommentSchema.key(SLUG, asks))).item();
        assertTrue(item.get(CommentSchema.NOTIFY).bool());
        assertEquals(CommentSchema.MAIL_DUE, item.get(CommentSchema.MAIL_QUEUE).s());
        String quiet = submit("Hal", "hal.mark@example.com", "Do not notify me", null, false);
        assertFalse(fixture.aws.dynamoDb().getItem(get -> get.tableName(fixture.tables.comments())
                .key(CommentSchema.key(SLUG, quiet))).item().containsKey(CommentSchema.MAIL_QUEUE));
        submit = new SubmitCommentHandler(fixture.service, ARTICLE_URL, false);
        String mailOff = submit("Ida", "ida.mark@example.com", "Notify me, mail is off", null, true);
        Map<String, AttributeValue> off = fixture.aws.dynamoDb().getItem(get -> get.tableName(fixture.tables.comments())
                .key(CommentSchema.key(SLUG, mailOff))).item();
        assertFalse(off.containsKey(CommentSchema.NOTIFY) || off.containsKey(CommentSchema.MAIL_QUEUE));
    }
}
