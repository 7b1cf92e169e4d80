package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.moderation.Moderation.Result;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.comments.service.Limits;
import dev.broadsheet.comments.service.ModerationRules.Mode;
import dev.broadsheet.core.Backoff;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.GuardSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the submission transaction relies on, checked inside it; conflicts retried with backoff;
 * moderation outcomes; duplicate markers that expire and that trashing frees; creation order.
 */
@ExtendWith(EmulatorsExtension.class)
class IntegrityIT {

    private CommentsFixture fixture;
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        fixture = new CommentsFixture(aws);
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
    }

    @Test
    void aSubmissionRacingCommentsCloseIsRefusedByItsTransactionNotStoredAfterTheClose() {
        Map<String, String> fields = fixture.validFields("Ann", "ann@example.com", "Written while the editor closes comments");
        List<Long> before = fixture.writtenState();
        // The submission reads the article (open), then the editor closes comments before its transaction:
        // the first clock read comes just before the article's read, the next after it.
        fixture.clock.onNextRead(() -> fixture.clock.onNextRead(() -> fixture.setCommentsOpen(SLUG, false)));

        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, "198.51.100.1");

        assertEquals(403, response.getStatusCode(), response.getBody());
        assertEquals("https://broadsheet.dev/problems/comments-closed", json(response).path("type").asText());
        assertEquals(before, fixture.writtenState(), "nothing stored, no guard claimed, no count");
    }

    @Test
    void aSubmissionRacingAReTagIsStoredAndCountedOnTheArticlesNewListItemsToo() {
        // The submission reads the article (version 1), then the editor re-publishes it with one
        // more tag before the transaction: version 2 and a list item more. The versioned count
        // update fails, the article (still open) is read again, the transaction retried.
        Map<String, String> fields = fixture.validFields("Ann", "ann@example.com", "Written while the editor re-tags");
        String sport = ArticleLists.itemKey(ArticleLists.tag("sport"), SLUG);
        // The first clock read comes just before the article's read; the next, after it.
        fixture.clock.onNextRead(() -> fixture.clock.onNextRead(() -> {
            Map<String, AttributeValue> item = new HashMap<>(fixture.article(ArticleLists.itemKey(ArticleLists.tag(CommentsFixture.TAG), SLUG)));
            item.put(ArticleSchema.SLUG, Items.s(sport));
            item.put(ArticleLists.LIST_NAME, Items.s(ArticleLists.tag("sport")));
            aws.dynamoDb().putItem(put -> put.tableName(fixture.tables.articles()).item(item));
            aws.dynamoDb().updateItem(update -> update.tableName(fixture.tables.articles()).key(ArticleSchema.key(SLUG))
                    .updateExpression("SET #version = :two, #lists = list_append(#lists, :sport)")
                    .expressionAttributeNames(Map.of("#version", ArticleSchema.VERSION, "#lists", ArticleSchema.LISTS))
                    .expressionAttributeValues(Map.of(":two", Items.n(2),
                            ":sport", AttributeValue.fromL(List.of(Items.s(ArticleLists.tag("sport")))))));
        }));

        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, "198.51.100.1");

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(List.of("1/true", "1/true", "1/true"), fixture.countersEverywhere(SLUG));
        assertEquals("1", fixture.article(sport).get(ArticleSchema.COMMENT_COUNT).n(), "the new list item counted too");
    }

    @Test
    void aSubmissionRacingUnpublishIsA404AndAReplyToAParentTrashedMeanwhileIsA400() {
        Map<String, String> fields = fixture.validFields("Ann", "ann@example.com", "Written while the article is unpublished");
        List<Long> before = fixture.writtenState();
        // After the submission's reads (the second clock read), before its transaction.
        fixture.clock.onNextRead(() -> fixture.clock.onNextRead(() -> aws.dynamoDb().updateItem(update -> update.tableName(fixture.tables.articles())
                .key(ArticleSchema.key(SLUG)).updateExpression("SET #status = :unpublished REMOVE #lists")
                .expressionAttributeNames(Map.of("#status", ArticleSchema.STATUS, "#lists", ArticleSchema.LISTS))
                .expressionAttributeValues(Map.of(":unpublished", Items.s(ArticleSchema.UNPUBLISHED))))));
        assertEquals(404, fixture.submitJson(SLUG, fields, "198.51.100.1").getStatusCode());
        assertEquals(before, fixture.writtenState());

        fixture.publish(SLUG, true, fixture.clock.instant().minus(Duration.ofDays(1)));
        String parent = json(fixture.submitJson(SLUG, fixture.validFields("Bob", "bob@example.com", "A parent"), "198.51.100.2"))
                .path("id").asText();
        fixture.clock.advance(Duration.ofMinutes(1));
        Map<String, String> reply = fixture.validFields("Cy", "cy@example.com", "A reply");
        reply.put("parentId", parent);
        List<Long> beforeReply = fixture.writtenState();
        fixture.clock.onNextRead(() -> fixture.clock.onNextRead(() -> assertEquals(Result.CHANGED, fixture.moderation.trash(SLUG + "/" + parent))));
        APIGatewayV2HTTPResponse refused = fixture.submitJson(SLUG, reply, "198.51.100.3");
        assertEquals(400, refused.getStatusCode(), refused.getBody());
        assertEquals("parentId", json(refused).path("errors").get(0).path("field").asText());
        assertEquals(beforeReply.get(0), fixture.writtenState().get(0), "no comment stored");
    }

    @Test
    void commentsCloseAfterTheConfiguredDaysInsideTheTransactionToo() {
        fixture.configure(Mode.NONE, List.of(), List.of(), 3);
        fixture.publish(SLUG, true, fixture.clock.instant().minus(Duration.ofDays(3)).plusSeconds(30));
        Map<String, String> fields = fixture.validFields("Ann", "ann@example.com", "Just in time?");
        // Read open at the last minute; the transaction runs a minute later, after the limit.
        fixture.clock.onNextRead(() -> fixture.clock.advance(Duration.ofMinutes(1)));
        APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, "198.51.100.1");
        assertEquals(403, response.getStatusCode(), response.getBody());
    }

    @Test
    void aForcedTransactionConflictIsRetriedWithBackoffAndSucceeds() throws Exception {
        Map<String, String> fields = fixture.validFields("Ann", "ann@example.com", "Posted while the article is held");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = holdArticle(pool, 600);
            int pausesBefore = fixture.conflictPauses.get();
            APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, "198.51.100.1");
            holder.get();
            assertEquals(201, response.getStatusCode(), response.getBody());
            assertTrue(fixture.conflictPauses.get() > pausesBefore, "the submission met TransactionConflict and backed off");
            assertEquals(1, fixture.commentCount(SLUG), "stored once, counted once");
        } finally {
            pool.shutdown();
            // The emulator holds the article until the hold ends: the next test must not meet it.
            assertTrue(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void aConflictThatOutlastsTheRetriesIsA503WithRetryAfterAndNothingWritten() throws Exception {
        fixture.retryWith(Backoff.of(3, Duration.ofMillis(10), Duration.ofMillis(20)));
        fixture.configure(Mode.NONE, List.of(), List.of(), 0);
        Map<String, String> fields = fixture.validFields("Ann", "ann@example.com", "Posted while the article stays held");
        List<Long> before = fixture.writtenState();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = holdArticle(pool, 3000);
            APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, "198.51.100.1");
            assertEquals(503, response.getStatusCode(), response.getBody());
            assertEquals("1", response.getHeaders().get("Retry-After"));
            assertEquals("https://broadsheet.dev/problems/busy", json(response).path("type").asText());
            holder.get();
            assertEquals(before, fixture.writtenState(), "nothing of the refused submission, nor its challenge, was written");
            APIGatewayV2HTTPResponse retried = fixture.submitJson(SLUG, fields, "198.51.100.1");
            assertEquals(201, retried.getStatusCode(), "the same challenge works for the retry: " + retried.getBody());
        } finally {
            pool.shutdown();
            // The emulator holds the article until the hold ends: the next test must not meet it.
            assertTrue(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void moderationTellsConflictFromChangedFromArticleGone() throws Exception {
        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
        String id = SLUG + "/" + json(fixture.submitJson(SLUG, fixture.validFields("Ann", "ann@example.com", "Hold me"),
                "198.51.100.1")).path("id").asText();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = holdArticle(pool, 3000);
            Moderation impatient = new Moderation(aws.dynamoDb(), fixture.tables, fixture.clock, Backoff.of(2, Duration.ofMillis(5), Duration.ofMillis(5)));
            assertEquals(Result.CONFLICT, impatient.approve(id));
            holder.get();
        } finally {
            pool.shutdown();
            // The emulator holds the article until the hold ends: the next test must not meet it.
            assertTrue(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertEquals(0, fixture.commentCount(SLUG));
        aws.dynamoDb().deleteItem(delete -> delete.tableName(fixture.tables.articles()).key(ArticleSchema.key(SLUG)));
        assertEquals(Result.ARTICLE_NOT_FOUND, fixture.moderation.approve(id), "not 'kept changing'");
        assertEquals(Result.NOT_FOUND, fixture.moderation.approve(SLUG + "/01HZZZZZZZZZZZZZZZZZZZZZZZ"));
    }

    @Test
    void duplicateMarkersExpireAfterTheirWindowAndTrashingFreesTheText() {
        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
        String text = "The same words, twice";
        APIGatewayV2HTTPResponse first = fixture.submitJson(SLUG, fixture.validFields("Ann", "ann@example.com", text), "198.51.100.1");
        assertEquals(201, first.getStatusCode(), first.getBody());
        List<Map<String, AttributeValue>> markers = aws.dynamoDb().scan(scan -> scan.tableName(fixture.tables.guards())).items().stream()
                .filter(item -> Items.string(item, GuardSchema.PK).startsWith(GuardSchema.DUPLICATE)).toList();
        assertEquals(1, markers.size());
        assertEquals(fixture.clock.instant().plus(CommentService.DUPLICATE_WINDOW).getEpochSecond(),
                Items.number(markers.get(0), GuardSchema.EXPIRES_AT), "the marker expires after the documented window");

        fixture.clock.advance(Limits.DEFAULTS.floodInterval().plusSeconds(1));
        assertEquals(409, fixture.submitJson(SLUG, fixture.validFields("Ann", "ann@example.com", text), "198.51.100.1").getStatusCode());
        assertEquals(Result.CHANGED, fixture.moderation.trash(SLUG + "/" + json(first).path("id").asText()));
        APIGatewayV2HTTPResponse again = fixture.submitJson(SLUG, fixture.validFields("Ann", "ann@example.com", text), "198.51.100.1");
        assertEquals(201, again.getStatusCode(), "trashing freed the text: " + again.getBody());

        fixture.clock.advance(Limits.DEFAULTS.floodInterval().plusSeconds(1));
        assertEquals(409, fixture.submitJson(SLUG, fixture.validFields("Ann", "ann@example.com", text), "198.51.100.1").getStatusCode());
        fixture.clock.advance(CommentService.DUPLICATE_WINDOW);
        assertEquals(201, fixture.submitJson(SLUG, fixture.validFields("Ann", "ann@example.com", text), "198.51.100.1").getStatusCode(),
                "after the window the marker no longer counts, even before TTL deletes it");
    }

    @Test
    void commentsCreatedWithinOneSecondComeBackInCreationOrder() {
        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
        Instant second = Instant.parse("2026-03-01T10:00:00Z");
        // .000 and .500 (Instant.toString would sort ":00Z" after ":00.500Z"), then three in one millisecond.
        long[] offsets = {0, 500, 500, 500, 999};
        List<String> created = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            fixture.clock.set(second.plusMillis(offsets[i]));
            Map<String, String> fields = fixture.validFields("Reader " + i, "reader" + i + "@example.com", "Comment " + i);
            fixture.clock.set(second.plusMillis(offsets[i]));
            APIGatewayV2HTTPResponse response = fixture.submitJson(SLUG, fields, "198.51.100." + (i + 1));
            assertEquals(201, response.getStatusCode(), response.getBody());
            created.add(SLUG + "/" + json(response).path("id").asText());
        }
        assertEquals(created, fixture.moderation.pending(SLUG).stream().map(Moderation.PendingComment::moderationId).toList());
        created.forEach(id -> assertEquals(Result.CHANGED, fixture.moderation.approve(id)));
        List<String> listed = new ArrayList<>();
        json(fixture.list(SLUG, Map.of(), Map.of())).path("items").forEach(item -> listed.add(SLUG + "/" + item.path("id").asText()));
        assertEquals(created, listed);
        JsonNode first = json(fixture.list(SLUG, Map.of(), Map.of())).path("items").get(0);
        assertEquals("2026-03-01T10:00:00.000Z", first.path("createdAt").asText(), "fixed-width createdAt");
    }

    /** Another transaction holding the article item for a while (the emulator's test header). */
    private Future<?> holdArticle(ExecutorService pool, int millis) throws InterruptedException {
        Future<?> holder = pool.submit(() -> {
            while (true) {
                try {
                    return aws.dynamoDb().transactWriteItems(TransactWriteItemsRequest.builder()
                            .overrideConfiguration(o -> o.putHeader("x-broadsheet-hold-ms", Integer.toString(millis)))
                            .transactItems(TransactWriteItem.builder().conditionCheck(check -> check.tableName(fixture.tables.articles())
                                    .key(ArticleSchema.key(SLUG)).conditionExpression("attribute_exists(#slug)")
                                    .expressionAttributeNames(Map.of("#slug", ArticleSchema.SLUG))).build()).build());
                } catch (TransactionCanceledException heldByTheProbe) {
                    Thread.sleep(1);
                }
            }
        });
        // Held once a probe transaction on the article is cancelled with TransactionConflict.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline && !holder.isDone()) {
            try {
                aws.dynamoDb().transactWriteItems(tx -> tx.transactItems(TransactWriteItem.builder().conditionCheck(check -> check
                        .tableName(fixture.tables.articles()).key(ArticleSchema.key(SLUG)).conditionExpression("attribute_not_exists(#slug)")
                        .expressionAttributeNames(Map.of("#slug", ArticleSchema.SLUG))).build()));
            } catch (TransactionCanceledException e) {
                if ("TransactionConflict".equals(e.cancellationReasons().get(0).code())) {
                    return holder;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the article was never held");
    }
}
