package dev.broadsheet.comments.moderation;

import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.moderation.Moderation.Result;
import dev.broadsheet.core.Backoff;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.Items;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How moderation reads a cancelled transaction, with a small fake client (the emulator cannot be
 * made to change a status between our read and our write on demand): per item, not "it moved".
 */
class ModerationTest {

    private static final String ID = "an-article/01HZZZZZZZZZZZZZZZZZZZZZZZ";
    private final List<Duration> pauses = new ArrayList<>();
    private final Backoff backoff = new Backoff(4, Duration.ofMillis(10), Duration.ofMillis(40), pauses::add);

    @Test
    void theStatusConditionFailingMeansChangedMeanwhileWithoutRetrying() {
        Fake fake = new Fake(List.of(List.of("ConditionalCheckFailed", "None", "None")));
        assertEquals(Result.CHANGED_MEANWHILE, new Moderation(fake, tables(), Clock.systemUTC(), backoff).approve(ID));
        assertEquals(1, fake.transactions);
    }

    @Test
    void theArticleConditionFailingReadsTheArticleAgainGoneIsArticleNotFound() {
        Fake fake = new Fake(List.of(List.of("None", "ConditionalCheckFailed", "None")));
        fake.articleGoesWithFirstTransaction = true;
        assertEquals(Result.ARTICLE_NOT_FOUND, new Moderation(fake, tables(), Clock.systemUTC(), backoff).approve(ID));
        assertEquals(1, fake.transactions);
    }

    @Test
    void theArticleConditionFailingWithTheArticleStillThereIsRetriedWithItsNewVersion() {
        // An editor re-published it between the read and the write (its version moved): read again, write again.
        Fake fake = new Fake(List.of(List.of("None", "ConditionalCheckFailed", "None")), 1);
        assertEquals(Result.CHANGED, new Moderation(fake, tables(), Clock.systemUTC(), backoff).approve(ID));
        assertEquals(2, fake.transactions);
        assertEquals(0, pauses.size(), "not a conflict: no backoff");
    }

    @Test
    void conflictsAreRetriedWithBackoffThenSucceedOrReportConflict() {
        Fake twice = new Fake(List.of(List.of("None", "TransactionConflict", "None"), List.of("TransactionConflict", "None", "None")));
        assertEquals(Result.CHANGED, new Moderation(twice, tables(), Clock.systemUTC(), backoff).approve(ID));
        assertEquals(3, twice.transactions);
        assertEquals(2, pauses.size());

        pauses.clear();
        Fake always = new Fake(List.of(List.of("None", "TransactionConflict", "None")));
        assertEquals(Result.CONFLICT, new Moderation(always, tables(), Clock.systemUTC(), backoff).approve(ID));
        assertEquals(4, always.transactions, "bounded: the backoff's attempts");
        assertEquals(3, pauses.size());
        pauses.forEach(pause -> assertEquals(true, pause.toMillis() <= 40, "capped: " + pause));
    }

    private static DynamoComments.Tables tables() {
        return new DynamoComments.Tables("articles", "comments", "guards");
    }

    /** A pending comment to read; transactions cancelled with the given reasons, in turn (the last repeats), then accepted. */
    private static final class Fake implements DynamoDbClient {
        private final List<List<String>> cancellations;
        int transactions;
        boolean articleGoesWithFirstTransaction;

        Fake(List<List<String>> cancellations) {
            this(cancellations, cancellations.size() == 1 ? Integer.MAX_VALUE : cancellations.size());
        }

        /** @param cancelled how many transactions are cancelled (the last reasons repeat) */
        Fake(List<List<String>> cancellations, int cancelled) {
            this.cancellations = cancellations;
            this.cancelledCount = cancelled;
        }

        private final int cancelledCount;

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            if (request.tableName().equals("articles")) {
                if (articleGoesWithFirstTransaction && transactions > 0) {
                    return GetItemResponse.builder().build();
                }
                Map<String, AttributeValue> article = new HashMap<>(ArticleSchema.key("an-article"));
                article.put(ArticleSchema.STATUS, Items.s(ArticleSchema.PUBLISHED));
                article.put(ArticleSchema.VERSION, Items.n(1L + transactions));
                return GetItemResponse.builder().item(article).build();
            }
            Map<String, AttributeValue> item = new HashMap<>(CommentSchema.key("an-article", "01HZZZZZZZZZZZZZZZZZZZZZZZ"));
            item.put(CommentSchema.STATUS, Items.s(CommentStatus.PENDING.value()));
            item.put(CommentSchema.EMAIL_HASH, Items.s("email-hash"));
            item.put(CommentSchema.AUTHOR_HASH, Items.s("author-hash"));
            item.put(CommentSchema.CREATED_AT, Items.s("2026-03-01T10:00:00.000Z"));
            return GetItemResponse.builder().item(item).build();
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            int index = transactions++;
            if (index < cancelledCount) {
                List<String> codes = cancellations.get(Math.min(index, cancellations.size() - 1));
                throw TransactionCanceledException.builder().message("cancelled")
                        .cancellationReasons(codes.stream().map(code -> CancellationReason.builder().code(code).build()).toList())
                        .build();
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
