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
import dev.broadsheet.core.schema.Timestamps;
import dev.broadsheet.emulators.MutableClock;
import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.article.ImageFiles;
import dev.broadsheet.editor.article.PreparedImage;
import dev.broadsheet.editor.article.TestImages;
import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.editor.publish.ArticleTable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.editor.publish.ArticleDiff;
import dev.broadsheet.editor.publish.PublishConflictException;
import dev.broadsheet.editor.terminal.DisplayWidth;
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
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
                aws.physicalNames().get("GuardsTable"), aws.physicalNames().get("NotificationsTable"), 1).writeTo(localApiFile);
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
                    .publish(articleJson("article.json"), ImageFiles.in(dir), Progress.SILENT, new Publisher.Request(1L, false, "anna"));
        }

        assertEquals(PublishResult.Outcome.UNCHANGED, result.outcome());
        assertEquals(2, result.imagesSkipped());
        assertEquals(0, result.imagesUploaded());
        assertEquals(List.of("GetItem", "HeadObject", "HeadObject"), calls, "no PutObject, no UpdateItem");
        assertEquals(first, stored(), "version and updatedAt unchanged");

        Run again = editor("publish", dir.resolve("article.json").toString(), "--local");
        assertEquals(0, again.code);
        assertTrue(again.out.contains("Unchanged: " + SLUG), again.out);
        assertTrue(again.out.contains("  2 of 2 images already uploaded\n"), again.out);
        assertFalse(again.out.contains("hero.png"), "no line per image already there: " + again.out);
        assertEquals(1, stored().version());
    }

    @Test
    void anEditKeepsPublishedAtAndTheCommentCount() throws Exception {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        Article first = stored();
        aws.dynamoDb().updateItem(request -> request.tableName(table).key(Map.of("slug", AttributeValue.fromS(SLUG)))
                .updateExpression("SET commentCount = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("5"))));
        Path file = dir.resolve("article.json");
        Files.writeString(file, Files.readString(file).replace("new bridge\"", "new bridge, 7-2\""));

        Run run = editor("publish", file.toString(), "--local");

        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("Updated " + SLUG + " (version 2)"), run.out);
        Article second = stored();
        assertEquals("City council approves new bridge, 7-2", second.headline());
        assertEquals(first.publishedAt(), second.publishedAt());
        assertEquals(5, second.commentCount());
        assertEquals(2, second.version());
    }

    @Test
    void anEditOfTheContentWhileWeUploadIsAConflictAndTheirsIsKept() {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        Publisher publisher = new Publisher(new ArticleTable(aws.dynamoDb(), table), new ImageBucket(aws.s3(), bucket),
                Clock.systemUTC());
        AtomicBoolean interfered = new AtomicBoolean();
        // Someone else publishes while our images are being checked: after our read, before our write.
        Progress otherEditor = new Progress() {
            @Override
            public void skipped(PreparedImage image, String key) {
                if (interfered.compareAndSet(false, true)) {
                    writeArticleUnchecked("theirs.json", "Their headline", "hero.png", "figures/chart.jpg");
                    assertEquals(0, editor("publish", dir.resolve("theirs.json").toString(), "--local", "--overwrite").code);
                }
            }
        };
        writeArticleUnchecked("mine.json", "My headline", "hero.png", "figures/chart.jpg");

        PublishConflictException e = assertThrows(PublishConflictException.class,
                () -> publisher.publish(articleJson("mine.json"), ImageFiles.in(dir), otherEditor, new Publisher.Request(1L, false, "anna")));

        assertTrue(e.getMessage().startsWith(SLUG + " was changed since this file's version 1 (now version 2"), e.getMessage());
        assertEquals(List.of(new ArticleDiff.Difference("headline", "Their headline", "My headline")), e.differences());
        Article stored = stored();
        assertEquals("Their headline", stored.headline());
        assertEquals(2, stored.version());
    }

    @Test
    void aCloseMadeDuringALongPublishStaysClosedAndThePublishSaysSo() throws Exception {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        writeArticle("article.json", "City council approves new bridge, 7-2", "hero.png", "figures/chart.jpg");
        Publisher publisher = new Publisher(new ArticleTable(aws.dynamoDb(), table), new ImageBucket(aws.s3(), bucket),
                Clock.systemUTC());
        AtomicBoolean closed = new AtomicBoolean();
        // The close lands after the publish read the article (commentsOpen = true) and before it writes.
        Progress moderator = new Progress() {
            @Override
            public void skipped(PreparedImage image, String key) {
                if (closed.compareAndSet(false, true)) {
                    Run close = editor(Map.of("BROADSHEET_EDITOR", "ben"), "comments", "close", SLUG, "--local");
                    assertEquals(0, close.code, close.toString());
                }
            }
        };

        PublishResult result = publisher.publish(articleJson("article.json"), ImageFiles.in(dir), moderator,
                new Publisher.Request(1L, false, "anna"));

        assertEquals(PublishResult.Outcome.UPDATED, result.outcome());
        Article stored = stored();
        assertFalse(stored.commentsOpen(), "the close stays");
        assertEquals("City council approves new bridge, 7-2", stored.headline(), "and the edit is in");
        assertEquals(3, stored.version(), "1 publish, 2 close, 3 publish");
        assertEquals(1, result.notes().size(), result.notes().toString());
        assertTrue(result.notes().get(0).matches("comments stay closed \\(closed by ben at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ;"
                + " this file does not set comments.open\\)"), result.notes().toString());
    }

    @Test
    void aFileThatSaysOpenReopensAndNamesWhoseDecisionItReverses() throws Exception {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        assertEquals(0, editor(Map.of("BROADSHEET_EDITOR", "ben"), "comments", "close", SLUG, "--local").code);
        String json = Files.readString(dir.resolve("article.json"));
        Files.writeString(dir.resolve("article.json"), json.replace("\"body\":", "\"comments\": {\"open\": true},\n  \"body\":"));

        Run run = editor("publish", dir.resolve("article.json").toString(), "--local");

        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("Updated " + SLUG + " (version 3)"), run.out);
        assertTrue(run.out.contains("  comments were closed by ben at "), run.out);
        assertTrue(run.out.contains("; this file says open: reopened"), run.out);
        assertTrue(stored().commentsOpen());
    }

    @Test
    void anUnpublishedArticlePublishedAgainSaysSo() {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        assertEquals(0, editor(Map.of("BROADSHEET_EDITOR", "ben"), "unpublish", SLUG, "--local").code);

        Run run = editor("publish", dir.resolve("article.json").toString(), "--local");

        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("Updated " + SLUG + " (version 3)"), run.out);
        assertTrue(run.out.contains("  was unpublished by ben at "), run.out);
        assertTrue(run.out.contains("; is published again"), run.out);
        assertTrue(stored().isPublished());
    }

    @Test
    void twoEditorsNeverSilentlyOverwriteEachOther() throws Exception {
        Map<String, String> anna = Map.of("BROADSHEET_EDITOR", "anna");
        Map<String, String> ben = Map.of("BROADSHEET_EDITOR", "ben");
        Path annasFile = dir.resolve("article.json");
        Run created = editor(anna, "publish", annasFile.toString(), "--local");
        assertEquals(0, created.code, created.toString());
        assertTrue(Files.readString(annasFile).startsWith("{\n  \"versions\": {\"local\": 1},\n  \"slug\""),
                "the file remembers the version it made, its layout kept:\n" + Files.readString(annasFile));

        // Ben pulls, changes the summary, publishes.
        Path bens = dir.resolve("ben");
        Run pulled = editor(ben, "pull", SLUG, "--to", bens.toString(), "--local");
        assertEquals(0, pulled.code, pulled.toString());
        ObjectNode bensArticle = (ObjectNode) Json.MAPPER.readTree(bens.resolve("article.json").toFile());
        bensArticle.put("summary", "Ben's better summary.");
        Files.writeString(bens.resolve("article.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(bensArticle));
        Run bensPublish = editor(ben, "publish", bens.resolve("article.json").toString(), "--local");
        assertEquals(0, bensPublish.code, bensPublish.toString());
        assertTrue(bensPublish.out.contains("Updated " + SLUG + " (version 2)"), bensPublish.out);

        // Anna re-publishes her own file, based on version 1: refused, with the difference.
        Run refused = editor(anna, "publish", annasFile.toString(), "--local");
        assertEquals(Editor.FAILED, refused.code, refused.toString());
        assertTrue(refused.err.contains(SLUG + " was changed since this file's version 1 (now version 2, content last changed by ben at "),
                refused.err);
        assertTrue(refused.err.contains("""
                  summary
                    theirs: Ben's better summary.
                    yours:  After two years of debate the council voted for the river crossing.
                """), refused.err);
        assertTrue(refused.err.contains("--overwrite"), refused.err);
        assertEquals("Ben's better summary.", stored().summary(), "Ben's summary stays");
        assertEquals(2, stored().version());

        Run overwritten = editor(anna, "publish", annasFile.toString(), "--local", "--overwrite");
        assertEquals(0, overwritten.code, overwritten.toString());
        assertTrue(overwritten.out.contains("Updated " + SLUG + " (version 3)"), overwritten.out);
        assertTrue(overwritten.out.contains("  replaced the changes made since version 1 (version 2, content last changed by ben at "),
                overwritten.out);
        assertEquals("After two years of debate the council voted for the river crossing.", stored().summary());
        assertTrue(Files.readString(annasFile).contains("\"versions\": {\"local\": 3}"), Files.readString(annasFile));

        // A brand-new file that reuses the slug: refused, naming the article it would replace.
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.copy(dir.resolve("hero.png"), other.resolve("hero.png"));
        Files.createDirectories(other.resolve("figures"));
        Files.copy(dir.resolve("figures/chart.jpg"), other.resolve("figures/chart.jpg"));
        Files.writeString(other.resolve("article.json"), Files.readString(dir.resolve("mine-template.json"))
                .replace("HEADLINE", "Unrelated story about a tunnel"));
        Run reused = editor(ben, "publish", other.resolve("article.json").toString(), "--local");
        assertEquals(Editor.FAILED, reused.code, reused.toString());
        assertTrue(reused.err.contains("there already is an article " + SLUG + ": \"City council approves new bridge\" (published,"
                + " version 3, content last changed by anna at "), reused.err);
        assertTrue(reused.err.contains("was never published as it or pulled from it"), reused.err);
        assertEquals("City council approves new bridge", stored().headline());
        assertEquals(0, editor(ben, "publish", other.resolve("article.json").toString(), "--local", "--overwrite").code);
        assertEquals("Unrelated story about a tunnel", stored().headline());
    }

    @Test
    void aPulledArticleIsTheStoredOneAndPublishesUnchanged() throws Exception {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        Path pulled = dir.resolve("pulled");

        Run pull = editor("pull", SLUG, "--to", pulled.toString(), "--local");

        assertEquals(0, pull.code, pull.toString());
        assertTrue(pull.out.contains("Pulled " + SLUG + " (version 1, published, comments open) to " + pulled.resolve("article.json")
                + " with 2 image files"), pull.out);
        String text = Files.readString(pulled.resolve("article.json"));
        assertTrue(text.startsWith("{\n  \"versions\": {\n    \"local\": 1\n  },\n  \"slug\": \"" + SLUG + "\",\n"), text);
        JsonNode json = Json.MAPPER.readTree(text);
        assertEquals(1, json.path("versions").path("local").asLong());
        assertEquals("hero.png", json.path("heroImage").path("file").asText());
        assertEquals("image-1.jpg", json.path("body").get(1).path("image").path("file").asText());
        assertFalse(json.has("comments"), "publishing a pulled file keeps the comments as they are then");
        assertArrayEquals(heroPng, Files.readAllBytes(pulled.resolve("hero.png")));
        assertArrayEquals(chartJpeg, Files.readAllBytes(pulled.resolve("image-1.jpg")));

        Run publish = editor("publish", pulled.resolve("article.json").toString(), "--local");
        assertEquals(0, publish.code, publish.toString());
        assertTrue(publish.out.contains("Unchanged: " + SLUG), publish.out);

        Run again = editor("pull", SLUG, "--to", pulled.toString(), "--local");
        assertEquals(Editor.FAILED, again.code);
        assertTrue(again.err.contains(pulled.resolve("article.json") + " exists"), again.err);
        Run unknown = editor("pull", "no-such-article", "--to", dir.resolve("x").toString(), "--local");
        assertEquals(Editor.FAILED, unknown.code);
        assertTrue(unknown.err.contains("there is no article no-such-article"), unknown.err);
    }

    @Test
    void aByteOrderMarkIsAcceptedAndAFolderIsNamedAsOne() throws Exception {
        Path file = dir.resolve("article.json");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(file)));

        Run run = editor("publish", file.toString(), "--local");

        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.startsWith("Publishing " + file + " (2 image files)"), run.out);
        byte[] after = Files.readAllBytes(file);
        assertEquals((byte) 0xEF, after[0], "the mark is kept when the version is recorded");
        Run folder = editor("publish", dir.toString(), "--local");
        assertEquals(Editor.FAILED, folder.code);
        assertTrue(folder.err.contains(dir + " is a folder: name the article's JSON file"), folder.err);
    }

    @Test
    void anArticleWithoutImagesSaysSo() throws Exception {
        Files.writeString(dir.resolve("plain.json"), """
                {"slug": "plain-words", "headline": "Plain words", "body": [{"type": "paragraph", "text": "Just text."}]}
                """);
        Run run = editor("publish", dir.resolve("plain.json").toString(), "--local");
        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.startsWith("Publishing " + dir.resolve("plain.json") + " (no image files)"), run.out);
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
        assertTrue(list.out.lines().anyMatch(line -> line.contains(SLUG) && line.contains("unpublished")), list.out);
        assertEquals(0, editor("unpublish", SLUG, "--local").code, "unpublishing twice is no failure");
        assertEquals(2, stored().version(), "and writes nothing");

        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);
        assertEquals(200, new GetArticleHandler(environment())
                .handleRequest(get("/articles/" + SLUG, Map.of("slug", SLUG)), null).getStatusCode());
    }

    @Test
    void reindexListsWhatLacksListItemsAndSaysSo() throws Exception {
        assertEquals(0, editor("publish", dir.resolve("article.json").toString(), "--local").code);

        Run nothingToDo = editor("reindex", "--local");
        aws.dynamoDb().updateItem(u -> u.tableName(table).key(Map.of("slug", AttributeValue.fromS(SLUG)))
                .updateExpression("REMOVE lists"));
        Run listed = editor("reindex", "--local");

        assertEquals(0, nothingToDo.code, nothingToDo.toString());
        assertTrue(nothingToDo.out.contains("0 of 1 published articles listed anew"), nothingToDo.out);
        assertEquals(0, listed.code, listed.toString());
        assertTrue(listed.out.contains("Listed " + SLUG), listed.out);
        assertTrue(listedSlugs().contains(SLUG));
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
        new LocalApiFile("http://localhost:1", closed, closed, "us-east-1", "local", "local-secret", table, bucket, null, null, null, 1)
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
        assertEquals(2, editor("list", "--local", "--profile", "editor").code);
        assertEquals(2, editor("list", "--limit", "0", "--local").code);
        assertEquals(2, editor("list", "--status", "gone", "--local").code);
        assertEquals(0, editor("--help").code);
    }

    @Test
    void listFitsTheTerminalShowsHeadlinesAndFilters() throws Exception {
        String[][] articles = {
                {"tokyo-governor-wins-second-term-after-record-turnout-in-the-capital", "東京都知事が再選、投票率は過去最高 🗳️ 二期目へ", "japan"},
                {"cafe-owners-celebrate", "Cafe\u0301 owners celebrate 👨\u200D👩\u200D👧 a family business turning 100 ✅ in the old town", "local"},
                {"harbour-festival", "Harbour festival draws record crowds", "local"}};
        for (String[] article : articles) {
            Files.writeString(dir.resolve(article[0] + ".json"), """
                    {"slug": "%s", "headline": "%s", "tags": ["%s"], "body": [{"type": "paragraph", "text": "Text."}]}
                    """.formatted(article[0], article[1], article[2]));
            assertEquals(0, editor("publish", dir.resolve(article[0] + ".json").toString(), "--local").code);
        }

        for (int columns : new int[] {100, 80, 60}) {
            Run run = editor(Map.of("COLUMNS", Integer.toString(columns)), "list", "--local");
            assertEquals(0, run.code, run.toString());
            for (String line : run.out.lines().toList()) {
                assertTrue(DisplayWidth.of(line) <= columns, columns + ": " + DisplayWidth.of(line) + " columns: " + line);
            }
            assertTrue(run.out.startsWith("PUBLISHED (UTC)   STATUS"), run.out);
        }
        Run wide = editor(Map.of("COLUMNS", "200"), "list", "--local");
        assertTrue(wide.out.contains("東京都知事が再選、投票率は過去最高") && wide.out.contains("tokyo-governor-wins-second-term"), wide.out);

        Run local = editor("list", "--tag", "local", "--local");
        assertTrue(local.out.contains("cafe-owners-celebrate") && local.out.contains("harbour-festival")
                && !local.out.contains("tokyo-governor"), local.out);
        assertTrue(local.out.contains("2 articles with tag local in the local API"), local.out);
        Run limited = editor("list", "--limit", "1", "--status", "published", "--local");
        assertTrue(limited.out.contains("1 of 3 articles with status published"), limited.out);

        Run json = editor("list", "--json", "--local");
        assertEquals(0, json.code, json.toString());
        JsonNode document = Json.MAPPER.readTree(json.out);
        assertEquals(3, document.path("count").asInt());
        List<String> slugs = new ArrayList<>();
        document.path("articles").forEach(article -> slugs.add(article.path("slug").asText()));
        assertEquals(3, slugs.size());
        JsonNode tokyo = document.path("articles").get(slugs.indexOf(articles[0][0]));
        assertEquals(articles[0][1], tokyo.path("headline").asText());
        assertEquals("published", tokyo.path("status").asText());
        assertTrue(tokyo.path("commentsOpen").asBoolean());
        assertEquals(1, tokyo.path("version").asLong());
    }

    @Test
    void aFutureTimeSchedulesTheArticleAndListSaysSoUntilThen() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Instant time = clock.instant().plus(Duration.ofDays(2));
        Files.writeString(dir.resolve("scheduled.json"), """
                {"slug": "%s", "headline": "Tomorrow's news", "publishedAt": "%s", "body": [{"type": "paragraph", "text": "Text."}]}
                """.formatted(SLUG, time));
        Editor.Context context = new Editor.Context(() -> localApiFile, clock, Map.of());

        Run publish = editor(context, "publish", dir.resolve("scheduled.json").toString(), "--local");

        assertEquals(0, publish.code, publish.toString());
        assertTrue(publish.out.contains("Published " + SLUG + " (version 1)"), publish.out);
        assertTrue(publish.out.contains("Scheduled for " + Timestamps.format(time) + ": not served, listed or in any feed before then"),
                publish.out);
        assertEquals(404, new GetArticleHandler(environment()).handleRequest(get("/articles/" + SLUG, Map.of("slug", SLUG)), null)
                .getStatusCode());
        assertFalse(listedSlugs().contains(SLUG));
        Run scheduled = editor(context, "list", "--status", "scheduled", "--local");
        assertTrue(scheduled.out.contains(SLUG) && scheduled.out.contains("1 article with status scheduled"), scheduled.out);
        assertTrue(editor(context, "list", "--status", "published", "--local").out.startsWith("No articles"));
        assertEquals("scheduled", Json.MAPPER.readTree(editor(context, "list", "--json", "--local").out)
                .path("articles").get(0).path("status").asText());

        clock.advance(Duration.ofDays(2));
        Run later = editor(context, "list", "--json", "--local");
        assertEquals("published", Json.MAPPER.readTree(later.out).path("articles").get(0).path("status").asText());
        assertFalse(editor(context, "publish", dir.resolve("scheduled.json").toString(), "--local").out.contains("Scheduled"));
    }

    @Test
    void aWriteCommandWithoutATargetContactsNothingAndExitsWithTwo() {
        List<String> opened = new ArrayList<>();
        Editor.Context noTarget = new Editor.Context(() -> localApiFile, Clock.systemUTC(), Map.of(),
                (choice, scope) -> {
                    opened.add(choice.toString());
                    throw new AssertionError("opened " + choice);
                });
        for (String[] command : List.of(new String[] {"publish", dir.resolve("article.json").toString()},
                new String[] {"unpublish", SLUG}, new String[] {"comments", "close", SLUG}, new String[] {"list"},
                new String[] {"pull", SLUG, "--to", dir.resolve("p").toString()})) {
            Run run = editor(noTarget, command);
            assertEquals(Editor.USAGE, run.code, run.toString());
            assertTrue(run.err.contains("no target: choose where to work: --local (the local API), or AWS with --stack NAME"),
                    run.err);
        }
        assertEquals(List.of(), opened);

        Run local = editor(new Editor.Context(() -> localApiFile, Clock.systemUTC(), Map.of("BROADSHEET_TARGET", "local")),
                "list");
        assertEquals(0, local.code, "BROADSHEET_TARGET=local is a target: " + local);
        Run wrong = editor(new Editor.Context(() -> localApiFile, Clock.systemUTC(), Map.of("BROADSHEET_TARGET", "prod")), "list");
        assertEquals(Editor.USAGE, wrong.code);
        assertTrue(wrong.err.contains("BROADSHEET_TARGET=prod names no target"), wrong.err);
    }

    private void writeArticle(String name, String headline, String hero, String chart) throws Exception {
        Files.writeString(dir.resolve("mine-template.json"), template().formatted(SLUG, "HEADLINE", "hero.png", "figures/chart.jpg"));
        Files.writeString(dir.resolve(name), template().formatted(SLUG, headline, hero, chart));
    }

    private static String template() {
        return """
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
                """;
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
        return editor(Map.of(), args);
    }

    private Run editor(Map<String, String> environment, String... args) {
        return editor(new Editor.Context(() -> localApiFile, Clock.systemUTC(), environment), args);
    }

    private static Run editor(Editor.Context context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Editor.run(args, new PrintWriter(out), new PrintWriter(err), context);
        return new Run(code, out.toString(), err.toString());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private record Run(int code, String out, String err) {
    }
}
