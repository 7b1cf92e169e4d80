package dev.broadsheet.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.core.Json;
import dev.broadsheet.emulators.LocalAws;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Publishes the reference article (the sample content of {@code shared/reference/seed}) into the
 * local emulators, with a generated hero image. Safe to run at every start: an article already
 * there is left as it is (an editor may have changed it).
 */
public final class SampleArticle {

    public static final String SLUG = "united-states-and-russia-enter-military-partnership-over-syria";
    private static final String RESOURCE = "/seed/" + SLUG + ".json";

    private SampleArticle() {
    }

    /** @return true when it was published now, false when it was already there */
    public static boolean publish(LocalAws aws) {
        String table = aws.physicalNames().get("ArticlesTable");
        String bucket = aws.physicalNames().get("ImagesBucket");
        if (aws.dynamoDb().getItem(request -> request.tableName(table)
                .key(Map.of("slug", AttributeValue.fromS(SLUG)))).hasItem()) {
            return false;
        }
        byte[] hero = HeroIllustration.png();
        String heroKey = "images/" + SLUG + "/" + sha256(hero) + ".png";
        uploadIfMissing(aws, bucket, heroKey, hero);
        Article article = read(heroKey);
        try {
            aws.dynamoDb().putItem(request -> request
                    .tableName(table)
                    .item(ArticleItems.toItem(article))
                    .conditionExpression("attribute_not_exists(slug)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    private static void uploadIfMissing(LocalAws aws, String bucket, String key, byte[] bytes) {
        try {
            aws.s3().headObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            put(aws, bucket, key, bytes);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            put(aws, bucket, key, bytes);
        }
    }

    private static void put(LocalAws aws, String bucket, String key, byte[] bytes) {
        aws.s3().putObject(request -> request.bucket(bucket).key(key)
                        .contentType("image/png")
                        // Content-addressed keys never change content: cache for a year.
                        .cacheControl("public, max-age=31536000, immutable"),
                RequestBody.fromBytes(bytes));
    }

    private static Article read(String heroKey) {
        JsonNode json;
        try (InputStream in = SampleArticle.class.getResourceAsStream(RESOURCE)) {
            json = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        JsonNode hero = json.path("heroImage");
        Image heroImage = new Image(heroKey, hero.path("alt").asText(), hero.path("caption").asText(),
                hero.path("credit").asText(null), HeroIllustration.WIDTH, HeroIllustration.HEIGHT, "image/png");
        List<Block> body = new ArrayList<>();
        json.path("body").forEach(block -> body.add(new Block(block.path("type").asText(),
                block.path("text").asText(null), block.path("attribution").asText(null), null)));
        List<String> tags = new ArrayList<>();
        json.path("tags").forEach(tag -> tags.add(tag.asText()));
        Instant publishedAt = Instant.parse(json.path("publishedAt").asText());
        return new Article(json.path("slug").asText(), json.path("headline").asText(), json.path("summary").asText(null),
                Article.PUBLISHED, publishedAt, publishedAt, tags, heroImage, body,
                json.path("comments").path("open").asBoolean(true), 0, 1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
