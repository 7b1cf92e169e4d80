package dev.broadsheet.editor;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.handler.GetArticleHandler;
import dev.broadsheet.articles.handler.ListArticlesHandler;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpEvents;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.article.ImageFiles;
import dev.broadsheet.editor.article.PreparedImage;
import dev.broadsheet.editor.article.TestImages;
import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.publish.ConcurrentEditException;
import dev.broadsheet.editor.publish.ImageBucket;
import dev.broadsheet.editor.publish.Progress;
import dev.broadsheet.editor.publish.PublishResult;
import dev.broadsheet.editor.publish.Publisher;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context.BeforeExecution;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor command end to end against dynalite and S3Proxy: {@code broadsheet ... --local} with a
 * {@code local-api.json} describing the test emulators, read back through the articles handlers.
 */
@ExtendWith(EmulatorsExtension.class)
class EditorIT {

    private static final String SLUG = "city-council-approves-new-bridge";

    private final LocalAws aws;
    private final String table;
    private final String bucket;
    @TempDir
    Path dir;
    private Path localApiFile;
    private byte[] heroPng;
    private byte[] chartJpeg;

    EditorIT(LocalAws aws) {
        this.aws = aws;
        this.table = aws.physicalNames().get("ArticlesTable");
        this.bucket = aws.physicalNames().get("ImagesBucket");
    }

    @BeforeEach
    void writeArticleAndDescribeEmulators() throws Exception {
        aws.reset();
        localApiFile = dir.resolve("state").resolve(LocalApiFile.NAME);
        new LocalApiFile("http://localhost:3999", aws.dynamoDbEndpoint(), aws.s3Endpoint(), aws.region().id(),
                aws.accessKeyId(), aws.secretAccessKey(), table, bucket, aws.physicalNames().get("CommentsTable"),
                aws.physicalNames().get("GuardsTable"), 1).writeTo(localApiFile);
        heroPng = TestImages.encode("png", 640, 360);
        chartJpeg = TestImages.encode("jpg", 300, 200);
        Files.write(dir.resolve("hero.png"), heroPng);
        Files.createDirectories(dir.resolve("figures"));
        Files.write(dir.resolve("figures/chart.jpg"), chartJpeg);
        Files.writeString(dir.resolve("notes.jpg"), "meeting notes, not a photograph\n");
        writeArticle("article.json", "City council approves new bridge", "hero.png", "figures/chart.jpg");
    }

    @Test
    void publishesAnArticleWithTwoImagesThatTheApiServes() throws Exception {
        Run run = editor("publish", dir.resolve("article.json").toString(), "--local");

        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("hero.png") && run.out.contains("uploaded"), run.out);
        assertTrue(run.out.contains("Published " + SLUG + " (version 1): http://localhost:3999/articles/" + SLUG), run.out);

        String heroKey = "images/" + SLUG + "/" + ArticleReader.sha256(heroPng) + ".png";
        String chartKey = "images/" + SLUG + "/" + ArticleReader.sha256(chartJpeg) + ".jpg";
        assertObject(heroKey, "image/png", heroPng);
        assertObject(chartKey, "image/jpeg", chartJpeg);
        assertEquals(List.of(chartKey, heroKey).stream().sorted().toList(), keys());

        APIGatewayV2HTTPResponse response = new GetArticleHandler(environment())
                .handleRequest(get("/articles/" + SLUG, Map.of("slug", SLUG)), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode article = Json.MAPPER.readTree(response.getBody());
        assertEquals("City council approves new bridge", article.path("headline").asText());
        assertEquals("https://api.example.com/" + heroKey, article.path("heroImage").path("src").asText());
        assertEquals(640, article.path("heroImage").path("width").asInt());
        assertEquals(360, article.path("heroImage").path("height").asInt());
        JsonNode imageBlock = article.path("body").get(1);
        assertEquals("image", imageBlock.path("type").asText());
        assertEquals("https://api.example.com/" + chartKey, imageBlock.path("image").path("src").asText());
        assertEquals(300, imageBlock.path("image").path("width").asInt());
        assertTrue(article.path("comments").path("open").asBoolean());
        assertTrue(listedSlugs().contains(SLUG));
    }

    @Test
    void publishingTheSameArticleAgainWritesNothing() {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        Article first = stored();
        List<String> calls = Collections.synchronizedList(new ArrayList<>());

        PublishResult result;
        try (DynamoDbClient dynamoDb = recording(DynamoDbClient.builder(), calls).endpointOverride(aws.dynamoDbEndpoint()).build();
             S3Client s3 = recording(S3Client.builder(), calls).endpointOverride(aws.s3Endpoint()).forcePathStyle(true).build()) {
            result = new Publisher(new ArticleTable(dynamoDb, table), new ImageBucket(s3, bucket), Clock.systemUTC())
                    .publish(articleJson("article.json"), ImageFiles.in(dir), Progress.SILENT);
        }

        assertEquals(PublishResult.Outcome.UNCHANGED, result.outcome());
        assertEquals(2, result.imagesSkipped());
        assertEquals(0, result.imagesUploaded());
        assertEquals(List.of("GetItem", "HeadObject", "HeadObject"), calls, "no PutObject, no UpdateItem");
        assertEquals(first, stored(), "version and updatedAt unchanged");

        Run again = editor("publish", dir.resolve("article.json").toString(), "--local");
        assertEquals(0, again.code);
        assertTrue(again.out.contains("Unchanged: " + SLUG), again.out);
        assertTrue(again.out.contains("skipped (already uploaded)"), again.out);
        assertEquals(1, stored().version());
    }

    @Test
    void anEditKeepsPublishedAtAndTheCommentCount() throws Exception {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        Article first = stored();
        aws.dynamoDb().updateItem(request -> request.tableName(table).key(Map.of("slug", AttributeValue.fromS(SLUG)))
                .updateExpression("SET commentCount = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("5"))));
        writeArticle("article.json", "City council approves new bridge, 7-2", "hero.png", "figures/chart.jpg");

        Run run = editor("publish", dir.resolve("article.json").toString(), "--local");

        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("Updated " + SLUG + " (version 2)"), run.out);
        Article second = stored();
        assertEquals("City council approves new bridge, 7-2", second.headline());
        assertEquals(first.publishedAt(), second.publishedAt());
        assertEquals(5, second.commentCount());
        assertEquals(2, second.version());
    }

    @Test
    void aPublishRacingCommentsCloseKeepsTheClose() {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        Map<String, String> names = aws.physicalNames();
        Moderation moderation = new Moderation(aws.dynamoDb(),
                new DynamoComments.Tables(table, names.get("CommentsTable"), names.get("GuardsTable")));
        Publisher publisher = new Publisher(new ArticleTable(aws.dynamoDb(), table), new ImageBucket(aws.s3(), bucket),
                Clock.systemUTC());
        AtomicBoolean closed = new AtomicBoolean();
        // An editor closes comments after this publish read the article, before it writes.
        Progress closer = new Progress() {
            @Override
            public void uploaded(PreparedImage image, String key, boolean uploaded) {
                if (closed.compareAndSet(false, true)) {
                    assertEquals(Moderation.Result.CHANGED, moderation.close(SLUG));
                }
            }
        };
        writeArticleUnchecked("edit.json", "An edit while comments close", "hero.png", "figures/chart.jpg");

        assertThrows(ConcurrentEditException.class, () -> publisher.publish(articleJson("edit.json"), ImageFiles.in(dir), closer));
        assertFalse(stored().commentsOpen(), "the close stands");
        assertEquals(2, stored().version(), "close is a versioned write");

        // Published again (the JSON says nothing of comments): the edit lands and the close stays.
        Run again = editor("publish", dir.resolve("edit.json").toString(), "--local");
        assertEquals(0, again.code, again.toString());
        assertEquals("An edit while comments close", stored().headline());
        assertFalse(stored().commentsOpen(), "publish never writes back a commentsOpen it did not mean to change");
        assertEquals(3, stored().version());
    }

    @Test
    void aConcurrentEditIsRefusedAndKept() {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        Publisher publisher = new Publisher(new ArticleTable(aws.dynamoDb(), table), new ImageBucket(aws.s3(), bucket),
                Clock.systemUTC());
        Article theirs = new Article(SLUG, "Their headline", null, ArticleSchema.PUBLISHED, stored().publishedAt(),
                stored().updatedAt(), List.of("local"), stored().heroImage(), stored().body(), true, 0, 2);
        AtomicBoolean interfered = new AtomicBoolean();
        // Someone else publishes while our images are being checked: after our read, before our write.
        Progress otherEditor = new Progress() {
            @Override
            public void uploaded(PreparedImage image, String key, boolean uploaded) {
                if (interfered.compareAndSet(false, true)) {
                    new ArticleTable(aws.dynamoDb(), table).write(theirs, 1, java.util.Set.of());
                }
            }
        };
        writeArticleUnchecked("mine.json", "My headline", "hero.png", "figures/chart.jpg");

        ConcurrentEditException e = assertThrows(ConcurrentEditException.class,
                () -> publisher.publish(articleJson("mine.json"), ImageFiles.in(dir), otherEditor));

        assertEquals("article " + SLUG + " was changed by someone else since you read it (version 1); re-run publish",
                e.getMessage());
        Article stored = stored();
        assertEquals("Their headline", stored.headline());
        assertEquals(2, stored.version());
    }

    @Test
    void aTextFileNamedJpgIsRefusedBeforeAnythingIsUploaded() throws Exception {
        writeArticle("article.json", "City council approves new bridge", "hero.png", "notes.jpg");

        Run run = editor("publish", dir.resolve("article.json").toString(), "--local");

        assertEquals(1, run.code, run.toString());
        assertTrue(run.err.contains("nothing was uploaded"), run.err);
        assertTrue(run.err.contains("body[1].image.file: " + dir.resolve("notes.jpg") + " is not an image"), run.err);
        assertEquals(List.of(), keys(), "the valid hero must not have been uploaded either");
        assertFalse(aws.dynamoDb().getItem(request -> request.tableName(table)
                .key(Map.of("slug", AttributeValue.fromS(SLUG)))).hasItem());
    }

    @Test
    void aMissingImageFileIsRefusedBeforeAnythingIsUploaded() throws Exception {
        writeArticle("article.json", "City council approves new bridge", "hero.png", "figures/missing.png");

        Run run = editor("publish", dir.resolve("article.json").toString(), "--local");

        assertEquals(1, run.code, run.toString());
        assertTrue(run.err.contains("body[1].image.file: " + dir.resolve("figures/missing.png") + " does not exist"), run.err);
        assertEquals(List.of(), keys());
        assertFalse(aws.dynamoDb().getItem(request -> request.tableName(table)
                .key(Map.of("slug", AttributeValue.fromS(SLUG)))).hasItem());
    }

    @Test
    void unpublishTakesTheArticleOutOfTheApi() throws Exception {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);

        Run run = editor("unpublish", SLUG, "--local");

        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("Unpublished " + SLUG + " (version 2)"), run.out);
        assertEquals(404, new GetArticleHandler(environment())
                .handleRequest(get("/articles/" + SLUG, Map.of("slug", SLUG)), null).getStatusCode());
        assertFalse(listedSlugs().contains(SLUG));
        assertEquals(2, keys().size(), "images stay in the bucket");
        Run list = editor("list", "--local");
        assertTrue(list.out.lines().anyMatch(line -> line.startsWith(SLUG) && line.contains("unpublished")
                && line.trim().endsWith("2")), list.out);
        assertEquals(0, editor("unpublish", SLUG, "--local").code, "unpublishing twice is no failure");
        assertEquals(2, stored().version(), "and writes nothing");

        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        assertEquals(200, new GetArticleHandler(environment())
                .handleRequest(get("/articles/" + SLUG, Map.of("slug", SLUG)), null).getStatusCode());
    }

    @Test
    void saysHowToStartTheLocalApiWhenItIsNotRunning() throws Exception {
        Files.delete(localApiFile);
        Run absent = editor("list", "--local");
        assertEquals(1, absent.code);
        assertTrue(absent.err.contains("the local API is not running: start it with mvn -q -DskipTests package && java -jar"),
                absent.err);

        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        new LocalApiFile("http://localhost:1", closed, closed, "us-east-1", "local", "local-secret", table, bucket, null, null, 1)
                .writeTo(localApiFile);
        Run stale = editor("publish", dir.resolve("article.json").toString(), "--local");
        assertEquals(1, stale.code);
        assertTrue(stale.err.contains("the local API is not running") && stale.err.contains("left over"), stale.err);
        assertFalse(stale.err.contains("Exception"), "no stack trace without --verbose: " + stale.err);
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertEquals(2, editor().code);
        assertEquals(2, editor("publish").code);
        assertEquals(2, editor("frobnicate").code);
        assertEquals(2, editor("unpublish", "Not A Slug", "--local").code);
        assertEquals(0, editor("--help").code);
    }

    private void writeArticle(String name, String headline, String hero, String chart) throws Exception {
        Files.writeString(dir.resolve(name), """
                {
                  "slug": "%s",
                  "headline": "%s",
                  "summary": "After two years of debate the council voted for the river crossing.",
                  "tags": ["local", "transport"],
                  "heroImage": {"file": "%s", "alt": "The river at dusk", "caption": "Where the bridge will stand"},
                  "body": [
                    {"type": "paragraph", "text": "The council voted on Tuesday."},
                    {"type": "image", "image": {"file": "%s", "alt": "Votes by ward"}},
                    {"type": "quote", "text": "A good day for the city.", "attribution": "The mayor"}
                  ]
                }
                """.formatted(SLUG, headline, hero, chart));
    }

    private void writeArticleUnchecked(String name, String headline, String hero, String chart) {
        try {
            writeArticle(name, headline, hero, chart);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode articleJson(String name) {
        try {
            return Json.MAPPER.readTree(dir.resolve(name).toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Article stored() {
        return ArticleItems.fromItem(aws.dynamoDb().getItem(request -> request.tableName(table)
                .key(Map.of("slug", AttributeValue.fromS(SLUG))).consistentRead(true)).item());
    }

    private List<String> keys() {
        return aws.s3().listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private void assertObject(String key, String contentType, byte[] bytes) {
        HeadObjectResponse head = aws.s3().headObject(request -> request.bucket(bucket).key(key));
        assertEquals(contentType, head.contentType(), key);
        assertEquals(ImageBucket.CACHE_CONTROL, head.cacheControl(), key);
        assertArrayEquals(bytes, aws.s3().getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray(), key);
    }

    private List<String> listedSlugs() throws Exception {
        APIGatewayV2HTTPResponse response = new ListArticlesHandler(environment()).handleRequest(get("/articles", Map.of()), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        List<String> slugs = new ArrayList<>();
        Json.MAPPER.readTree(response.getBody()).path("items").forEach(item -> slugs.add(item.path("slug").asText()));
        return slugs;
    }

    private Environment environment() {
        Map<String, String> variables = new HashMap<>(aws.environment());
        variables.put("ARTICLES_TABLE", table);
        variables.put("ARTICLE_URL_PATTERN", "https://news.example.com/{slug}");
        return new Environment(variables);
    }

    private static APIGatewayV2HTTPEvent get(String path, Map<String, String> pathParameters) {
        return HttpEvents.request("GET", path).host("api.example.com").sourceIp("203.0.113.7")
                .pathParameters(pathParameters).build();
    }

    /** A client that records the name of every operation it sends. */
    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B recording(B builder, List<String> calls) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(BeforeExecution context, ExecutionAttributes attributes) {
                calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        builder.region(aws.region()).credentialsProvider(aws.credentialsProvider())
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(recorder));
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        return builder;
    }

    private Run editor(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Editor.run(args, new PrintWriter(out), new PrintWriter(err),
                new Editor.Context(() -> localApiFile, Clock.systemUTC()));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
