package dev.broadsheet.core.schema;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleSchemaTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void publishedNowMeansPublishedAndNotDatedAfterNow() {
        assertTrue(ArticleSchema.isPublishedAt(ArticleSchema.PUBLISHED, NOW.minusSeconds(60), NOW));
        assertTrue(ArticleSchema.isPublishedAt(ArticleSchema.PUBLISHED, NOW, NOW), "its own instant is the first it is served");
        assertTrue(ArticleSchema.isPublishedAt(ArticleSchema.PUBLISHED, null, NOW), "no time: not scheduled");
        assertFalse(ArticleSchema.isPublishedAt(ArticleSchema.PUBLISHED, NOW.plusMillis(1), NOW));
        assertFalse(ArticleSchema.isPublishedAt(ArticleSchema.UNPUBLISHED, NOW.minusSeconds(60), NOW));
        assertFalse(ArticleSchema.isPublishedAt("draft", null, NOW));
    }

    @Test
    void scheduledIsPublishedForALaterTime() {
        assertTrue(ArticleSchema.isScheduled(ArticleSchema.PUBLISHED, NOW.plusMillis(1), NOW));
        assertFalse(ArticleSchema.isScheduled(ArticleSchema.PUBLISHED, NOW, NOW));
        assertFalse(ArticleSchema.isScheduled(ArticleSchema.UNPUBLISHED, NOW.plusSeconds(60), NOW), "unpublished is not scheduled");
    }

    @Test
    void anItemIsReadWithTheSameRule() {
        Map<String, AttributeValue> item = Map.of(ArticleSchema.STATUS, Items.s(ArticleSchema.PUBLISHED),
                ArticleSchema.PUBLISHED_AT, Items.time(NOW.plusSeconds(3600)));
        assertFalse(ArticleSchema.isPublishedAt(item, NOW));
        assertTrue(ArticleSchema.isPublishedAt(item, NOW.plusSeconds(3600)));
        assertFalse(ArticleSchema.isPublishedAt(Map.of(), NOW), "no item");
    }
}
