package dev.broadsheet.images.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.emulators.MutableClock;
import dev.broadsheet.images.dao.DynamoArticleImageRepository;
import dev.broadsheet.template.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handlers built as the runtimes build them (from an environment), against dynalite and
 * S3Proxy, which checks SigV4: the URLs they hand out fetch the bytes, and only as signed and
 * while valid. Each test uses its own article slug, so they share the emulators safely.
 */
@ExtendWith(EmulatorsExtension.class)
class ImageHandlersIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant PUBLISHED_AT = Instant.parse("2026-11-01T08:00:00Z");

    private final LocalAws aws;
    private final String table;
    private final String bucket;

    ImageHandlersIT(LocalAws aws) {
        this.aws = aws;
        this.table = aws.physicalNames().get("ArticlesTable");
        this.bucket = aws.physicalNames().get("ImagesBucket");
    }

    @Test
    void theRedirectAndTheJsonUrlFetchTheExactBytes() throws Exception {
        Story story = publishStory(true);

        APIGatewayV2HTTPResponse redirect = getImage(handlerEnvironment(null), story.heroKey(), null);
        APIGatewayV2HTTPResponse json = getImage(handlerEnvironment(null), story.heroKey(), "json");

        assertEquals(302, redirect.getStatusCode(), redirect.getBody());
        String location = redirect.getHeaders().get("Location");
        HttpResponse<byte[]> fetched = fetch(URI.create(location));
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(story.hero(), fetched.body());
        assertEquals("image/png", fetched.headers().firstValue("content-type").orElse(""));
        assertTrue(location.contains("X-Amz-Expires=900"), "the default lifetime is 15 minutes: " + location);

        assertEquals(200, json.getStatusCode(), json.getBody());
        JsonNode body = Json.MAPPER.readTree(json.getBody());
        Instant expiresAt = Instant.parse(body.path("expiresAt").asText());
        long secondsLeft = Duration.between(Instant.now(), expiresAt).toSeconds();
        assertTrue(secondsLeft > 890 && secondsLeft <= 900, "expires in " + secondsLeft + " s");
        long maxAge = Long.parseLong(json.getHeaders().get("Cache-Control").replace("public, max-age=", ""));
        assertTrue(maxAge > 0 && maxAge <= secondsLeft / 2 + 1, "max-age " + maxAge + " for " + secondsLeft + " s of life");
        assertArrayEquals(story.hero(), fetch(URI.create(body.path("url").asText())).body());
    }

    @Test
    void theSameUrlWithAnotherKeyOrAnotherSignatureIsRefused() throws Exception {
        Story story = publishStory(true);
        String signed = getImage(handlerEnvironment(null), story.heroKey(), null).getHeaders().get("Location");
        assertEquals(200, fetch(URI.create(signed)).statusCode(), "as signed");

        // The body image exists and is published: only the signature stands in the way.
        URI otherKey = URI.create(signed.replace(story.heroHash(), story.bodyHash()).replace(".png", ".jpg"));
        int at = signed.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        URI otherSignature = URI.create(signed.substring(0, at) + (signed.charAt(at) == '0' ? '1' : '0') + signed.substring(at + 1));

        assertEquals(403, fetch(otherKey).statusCode());
        assertEquals(403, fetch(otherSignature).statusCode());
    }

    @Test
    void aUrlPastItsConfiguredLifetimeIsRefused() throws Exception {
        Story story = publishStory(true);
        String signed = getImage(handlerEnvironment("2"), story.heroKey(), null).getHeaders().get("Location");
        assertTrue(signed.contains("X-Amz-Expires=2"), signed);
        assertEquals(200, fetch(URI.create(signed)).statusCode(), "while valid");

        // X-Amz-Date has whole seconds: the URL is dead at most 3 s after signing.
        Thread.sleep(3_100);

        assertEquals(403, fetch(URI.create(signed)).statusCode());
    }

    @Test
    void anImageOfAnUnpublishedArticleIsNotFoundAndNotSigned() throws Exception {
        Story story = publishStory(false);

        for (String format : new String[] {null, "json"}) {
            APIGatewayV2HTTPResponse response = getImage(handlerEnvironment(null), story.heroKey(), format);
            assertEquals(404, response.getStatusCode(), response.getBody());
            assertNoSignature(response);
        }
        APIGatewayV2HTTPResponse list = new ListArticleImagesHandler(new Environment(handlerEnvironment(null)))
                .handleRequest(Events.articleImages(story.slug()), null);
        kept("GET /articles/{slug}/images", list);
        assertEquals(404, list.getStatusCode());
        assertNoSignature(list);
    }

    @Test
    void theImagesOfAScheduledArticleAreSignedFromItsTimeOn() throws Exception {
        Story story = publishStory(true);
        Instant time = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        aws.dynamoDb().updateItem(update -> update.tableName(table).key(Map.of("slug", AttributeValue.fromS(story.slug())))
                .updateExpression("SET publishedAt = :time").expressionAttributeValues(Map.of(":time", AttributeValue.fromS(time.toString()))));

        APIGatewayV2HTTPResponse response = getImage(handlerEnvironment(null), story.heroKey(), null);
        assertEquals(404, response.getStatusCode(), response.getBody());
        assertNoSignature(response);
        MutableClock clock = new MutableClock(time.minusMillis(1));
        DynamoArticleImageRepository articles = new DynamoArticleImageRepository(aws.dynamoDb(), table, clock);
        assertTrue(articles.publishedImages(story.slug()).isEmpty());
        clock.set(time);
        assertEquals(2, articles.publishedImages(story.slug()).orElseThrow().size());
    }

    @Test
    void aKeyUnderAPublishedArticleThatIsNotOneOfItsImagesIsNotFound() throws Exception {
        Story story = publishStory(true);
        // In the bucket, under the article's slug, but not in the article.
        byte[] stray = randomBytes(3_000);
        String strayKey = story.slug() + "/" + sha256(stray) + ".png";
        aws.s3().putObject(put -> put.bucket(bucket).key("images/" + strayKey).contentType("image/png"), RequestBody.fromBytes(stray));

        APIGatewayV2HTTPResponse response = getImage(handlerEnvironment(null), strayKey, null);

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertNoSignature(response);
    }

    @Test
    void anImageOfADeletedArticleIsNotFound() throws Exception {
        Story story = publishStory(true);
        assertEquals(302, getImage(handlerEnvironment(null), story.heroKey(), null).getStatusCode());
        aws.dynamoDb().deleteItem(delete -> delete.tableName(table).key(Map.of("slug", AttributeValue.fromS(story.slug()))));

        APIGatewayV2HTTPResponse response = getImage(handlerEnvironment(null), story.heroKey(), null);

        assertEquals(404, response.getStatusCode());
        assertNoSignature(response);
    }

    @Test
    void malformedKeysAreBadRequestsAndNeverSigned() throws Exception {
        Story story = publishStory(true);
        String slug = story.slug();
        String hash = story.heroHash();
        Map<String, String> rawToDecoded = new java.util.LinkedHashMap<>();
        rawToDecoded.put(slug + "/../" + slug + "/" + hash + ".png", slug + "/../" + slug + "/" + hash + ".png");
        rawToDecoded.put(slug + "%2F" + hash + ".png", slug + "/" + hash + ".png");
        rawToDecoded.put(slug + "%5C" + hash + ".png", slug + "\\" + hash + ".png");
        rawToDecoded.put(slug + "/" + hash + ".png%00", slug + "/" + hash + ".png\u0000");
        rawToDecoded.put("images/" + slug + "/" + hash + ".png", "images/" + slug + "/" + hash + ".png");
        rawToDecoded.put(slug + "/" + hash + ".svg", slug + "/" + hash + ".svg");
        rawToDecoded.put(slug + "/" + "a".repeat(2_000) + ".png", slug + "/" + "a".repeat(2_000) + ".png");
        for (Map.Entry<String, String> key : rawToDecoded.entrySet()) {
            APIGatewayV2HTTPResponse response = new GetImageHandler(new Environment(handlerEnvironment(null)))
                    .handleRequest(Events.image(key.getKey(), key.getValue(), null), null);
            kept("GET /images/{key+}", response);
            assertEquals(400, response.getStatusCode(), key.getKey() + ": " + response.getBody());
            assertNoSignature(response);
        }
    }

    @Test
    void theArticleImagesRouteSignsEveryImageOfTheArticle() throws Exception {
        Story story = publishStory(true);

        APIGatewayV2HTTPResponse response = new ListArticleImagesHandler(new Environment(handlerEnvironment(null)))
                .handleRequest(Events.articleImages(story.slug()), null);

        kept("GET /articles/{slug}/images", response);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode images = Json.MAPPER.readTree(response.getBody()).path("images");
        assertEquals(2, images.size());
        assertEquals("https://api.example.com/images/" + story.heroKey(), images.get(0).path("src").asText());
        assertEquals("Hero of " + story.slug(), images.get(0).path("alt").asText());
        assertArrayEquals(story.hero(), fetch(URI.create(images.get(0).path("url").asText())).body());
        assertEquals("body", images.get(1).path("role").asText());
        assertEquals(640, images.get(1).path("width").asInt());
        assertArrayEquals(story.body(), fetch(URI.create(images.get(1).path("url").asText())).body());
        assertNotEquals(images.get(0).path("url").asText(), images.get(1).path("url").asText());
    }

    @Test
    void primedAndRestoredHandlersWriteNothingAndStillSignTheRightBytes() throws Exception {
        Story story = publishStory(true);
        GetImageHandler get = new GetImageHandler(new Environment(handlerEnvironment(null)));
        ListArticleImagesHandler list = new ListArticleImagesHandler(new Environment(handlerEnvironment(null)));
        int items = aws.dynamoDb().scan(scan -> scan.tableName(table)).count();
        int objects = aws.s3().listObjectsV2(objectList -> objectList.bucket(bucket)).keyCount();

        for (var handler : List.of(get, list)) {
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);
        }

        assertEquals(items, aws.dynamoDb().scan(scan -> scan.tableName(table)).count(), "priming wrote to the table");
        assertEquals(objects, aws.s3().listObjectsV2(objectList -> objectList.bucket(bucket)).keyCount(), "priming wrote to S3");
        APIGatewayV2HTTPResponse redirect = kept("GET /images/{key+}",
                get.handleRequest(Events.image(story.heroKey(), story.heroKey(), null), null));
        assertEquals(302, redirect.getStatusCode(), redirect.getBody());
        assertArrayEquals(story.hero(), fetch(URI.create(redirect.getHeaders().get("Location"))).body());
        APIGatewayV2HTTPResponse images = kept("GET /articles/{slug}/images", list.handleRequest(Events.articleImages(story.slug()), null));
        assertEquals(200, images.getStatusCode(), images.getBody());
        assertEquals(2, Json.MAPPER.readTree(images.getBody()).path("images").size());
    }

    // --- fixtures ---

    private record Story(String slug, byte[] hero, String heroHash, byte[] body, String bodyHash) {
        String heroKey() {
            return slug + "/" + heroHash + ".png";
        }
    }

    /** An article with a PNG hero and a JPEG body image, uploaded under the key scheme. */
    private Story publishStory(boolean published) throws Exception {
        String slug = "story-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] hero = randomBytes(50_000);
        byte[] body = randomBytes(20_000);
        String heroHash = sha256(hero);
        String bodyHash = sha256(body);
        upload("images/" + slug + "/" + heroHash + ".png", hero, "image/png");
        upload("images/" + slug + "/" + bodyHash + ".jpg", body, "image/jpeg");
        Article article = new Article(slug, "Headline", "Summary", published ? ArticleSchema.PUBLISHED : "unpublished",
                PUBLISHED_AT, PUBLISHED_AT, List.of("world"),
                new Image("images/" + slug + "/" + heroHash + ".png", "Hero of " + slug, "Caption", "Credit", 1200, 675, "image/png"),
                List.of(Block.paragraph("Text"),
                        Block.image(new Image("images/" + slug + "/" + bodyHash + ".jpg", "Body", null, null, 640, 480, "image/jpeg"))),
                true, 0, 1);
        aws.dynamoDb().putItem(put -> put.tableName(table).item(ArticleItems.toItem(article)));
        return new Story(slug, hero, heroHash, body, bodyHash);
    }

    private void upload(String key, byte[] bytes, String contentType) {
        aws.s3().putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    private Map<String, String> handlerEnvironment(String lifetimeSeconds) {
        Map<String, String> variables = new HashMap<>(aws.environment());
        variables.put("ARTICLES_TABLE", table);
        variables.put("IMAGES_BUCKET", bucket);
        if (lifetimeSeconds != null) {
            variables.put(ImageSettings.LIFETIME_VARIABLE, lifetimeSeconds);
        }
        return variables;
    }

    private static APIGatewayV2HTTPResponse getImage(Map<String, String> variables, String key, String format) {
        return kept("GET /images/{key+}", new GetImageHandler(new Environment(variables))
                .handleRequest(Events.image(key, key, format == null ? null : Map.of("format", format)), null));
    }

    private static final OpenApiContract CONTRACT = OpenApiContract.ofProject();

    /** Every response these tests receive keeps openapi.yaml's promise. */
    private static APIGatewayV2HTTPResponse kept(String routeKey, APIGatewayV2HTTPResponse response) {
        CONTRACT.requireKept(routeKey, response.getStatusCode(), response.getHeaders(), response.getBody());
        return response;
    }

    private static void assertNoSignature(APIGatewayV2HTTPResponse response) {
        assertFalse(String.valueOf(response.getBody()).contains("X-Amz-Signature"), response.getBody());
        assertNull(response.getHeaders().get("Location"));
        assertTrue(response.getHeaders().values().stream().noneMatch(value -> value.contains("X-Amz-")));
    }

    private static HttpResponse<byte[]> fetch(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
