package dev.broadsheet.local.seed;

import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.publish.ImageBucket;
import dev.broadsheet.editor.publish.PublishResult;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sample article goes through the editor's publisher: content-addressed hero, and a second start writes nothing. */
@ExtendWith(EmulatorsExtension.class)
class SampleArticleIT {

    @Test
    void isPublishedOnceAndThenLeftUnchanged(LocalAws aws) {
        aws.reset();
        String table = aws.physicalNames().get("ArticlesTable");
        String bucket = aws.physicalNames().get("ImagesBucket");

        PublishResult first = SampleArticle.publish(aws);
        PublishResult second = SampleArticle.publish(aws);

        assertEquals(PublishResult.Outcome.CREATED, first.outcome());
        assertEquals(1, first.imagesUploaded());
        assertEquals(PublishResult.Outcome.UNCHANGED, second.outcome());
        assertEquals(0, second.imagesUploaded());
        assertEquals(1, second.version());

        String heroKey = "images/" + SampleArticle.SLUG + "/" + ArticleReader.sha256(HeroIllustration.png()) + ".png";
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(request -> request.tableName(table)
                .key(Map.of("slug", AttributeValue.fromS(SampleArticle.SLUG)))).item();
        assertEquals(heroKey, item.get("heroImage").m().get("key").s());
        assertEquals("1200", item.get("heroImage").m().get("width").n());
        assertEquals("2016-09-13T08:00:00.000Z", item.get("publishedAt").s());
        HeadObjectResponse hero = aws.s3().headObject(request -> request.bucket(bucket).key(heroKey));
        assertEquals("image/png", hero.contentType());
        assertEquals(ImageBucket.CACHE_CONTROL, hero.cacheControl());
    }

    @Test
    void aLocalEditSurvivesTheNextStart(LocalAws aws) {
        aws.reset();
        String table = aws.physicalNames().get("ArticlesTable");
        assertEquals("created", SampleArticle.seed(aws, HeroIllustration::png));
        Map<String, AttributeValue> key = Map.of("slug", AttributeValue.fromS(SampleArticle.SLUG));
        aws.dynamoDb().updateItem(update -> update.tableName(table).key(key)
                .updateExpression("SET headline = :h").expressionAttributeValues(Map.of(":h", AttributeValue.fromS("Edited locally"))));

        assertEquals("kept as it is", SampleArticle.seed(aws, () -> {
            throw new AssertionError("no hero is drawn when nothing is published");
        }));
        assertEquals("Edited locally", aws.dynamoDb().getItem(get -> get.tableName(table).key(key)).item().get("headline").s());
    }
}
