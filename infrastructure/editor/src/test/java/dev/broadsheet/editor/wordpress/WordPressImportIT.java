package dev.broadsheet.editor.wordpress;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.dao.DynamoArticleRepository;
import dev.broadsheet.articles.handler.GetArticleHandler;
import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.handler.ListCommentsHandler;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.comments.service.ModerationRules;
import dev.broadsheet.core.HttpEvents;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.article.TestImages;
import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.publish.ImageBucket;
import dev.broadsheet.editor.publish.Publisher;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code broadsheet import wordpress} end to end against the emulators (dynalite, S3Proxy): the
 * fixture export imported with {@code --local}, read back through the API's handlers and the
 * moderation queue; run again, interrupted and resumed, and as a dry run.
 */
@ExtendWith(EmulatorsExtension.class)
class WordPressImportIT {

    private static final Challenges.Keys KEYS = new Challenges.Keys("import-test-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));

    private final LocalAws aws;
    private final Map<String, String> names;
    @TempDir
    Path dir;
    private Path localApiFile;
    private Path export;
    private Path uploads;

    WordPressImportIT(LocalAws aws) {
        this.aws = aws;
        this.names = aws.physicalNames();
    }

    @BeforeEach
    void exportAndUploads() throws Exception {
        aws.reset();
        localApiFile = dir.resolve("state").resolve(LocalApiFile.NAME);
        new LocalApiFile("http://localhost:3999", aws.dynamoDbEndpoint(), aws.s3Endpoint(), aws.region().id(),
                aws.accessKeyId(), aws.secretAccessKey(), names.get("ArticlesTable"), names.get("ImagesBucket"),
                names.get("CommentsTable"), names.get("GuardsTable"), names.get("NotificationsTable"), 1).writeTo(localApiFile);
        export = WxrFixtures.file(dir, "export-1.2.xml", null);
        uploads = Files.createDirectories(dir.resolve("uploads/2016/09")).getParent().getParent();
        Files.write(uploads.resolve("2016/09/boats.jpg"), TestImages.encode("jpg", 64, 48));
        Files.write(uploads.resolve("2016/09/boats-1024x683.jpg"), TestImages.encode("jpg", 32, 24));
        Files.write(uploads.resolve("2016/09/cups.jpg"), TestImages.encode("png", 40, 40));
    }

    @Test
    void postsImagesAndThreadedCommentsAreServedAsTheyWereOnWordPress() {
        Run run = editor("import", "wordpress", export.toString(), "--uploads", uploads.toString(), "--local");
        assertEquals(0, run.code, run.toString());
        for (String expected : List.of("posts: 5 — published 2, scheduled 1, stored unpublished 2; skipped 0",
                "other items (not articles, skipped): attachment 2, nav_menu_item 1, page 1",
                "comments: approved 3, pending (moderation queue) 1, already imported 0; skipped 3 (spam 1, trash 1,"
                        + " pingbacks/trackbacks 1, other types 0, refused 0)",
                "missing 1", "post 13 draft-council-budget: draft", "post 14 members-only: password-protected",
                "post 10 harbour-reopens: image left out: https://news.example.org/wp-content/uploads/2016/09/lost.jpg",
                "post 11 cafe-week: shortcode [newsletter-signup] kept as text")) {
            assertTrue(run.out.contains(expected), expected + " in\n" + run.out);
        }

        JsonNode article = get("harbour-reopens");
        assertEquals("Harbour reopens after storm & floods", article.path("headline").asText());
        assertEquals("Jane Doe", article.path("authors").path(0).path("name").asText());
        assertTrue(article.path("heroImage").path("src").asText().contains("images/harbour-reopens/"), article.toString());
        assertEquals(List.of("Local News", "Cafés"), names(article.path("tagDetails")));
        JsonNode cafe = get("cafe-week");
        assertFalse(cafe.path("comments").path("open").asBoolean(true), cafe.toString());
        assertEquals(404, status("regatta"), "scheduled: not served before its time");
        assertEquals(404, status("draft-council-budget"));
        assertEquals(404, status("members-only"));
        ArticleTable table = new ArticleTable(aws.dynamoDb(), names.get("ArticlesTable"));
        assertEquals("unpublished", table.find("draft-council-budget").orElseThrow().article().status());
        assertEquals("unpublished", table.find("members-only").orElseThrow().article().status());

        List<JsonNode> comments = comments("harbour-reopens");
        assertEquals(List.of("Ann Reader", "Bob", "", "Eve"), comments.stream().map(c -> c.path("author").path("name").asText()).toList(),
                comments.toString());
        assertEquals(comments.get(0).path("id").asText(), comments.get(1).path("parentId").asText(), "threaded");
        assertTrue(comments.get(2).path("removed").asBoolean(), "the pending parent of an approved reply: " + comments);
        assertEquals(comments.get(2).path("id").asText(), comments.get(3).path("parentId").asText());
        assertFalse(comments.toString().contains("ann@example.com"), "email never served");
        assertFalse(comments.toString().contains("<script>"), comments.toString());
        assertEquals(3, commentCount("harbour-reopens"), "the count is what is approved");
        List<Moderation.PendingComment> pending = moderation().pending(null);
        assertEquals(List.of("Carol"), pending.stream().map(Moderation.PendingComment::author).toList());
        assertEquals("carol@example.com", pending.get(0).email());

        List<String> keys = aws.s3().listObjectsV2(list -> list.bucket(names.get("ImagesBucket"))).contents().stream()
                .map(S3Object::key).toList();
        assertTrue(keys.stream().anyMatch(key -> key.startsWith("images/harbour-reopens/")), keys.toString());
        assertTrue(keys.stream().anyMatch(key -> key.startsWith("images/cafe-week/") && key.endsWith(".png")),
                "sniffed: cups.jpg is a PNG " + keys);
        assertTrue(article.toString().contains("\"href\":\"https://www.bbc.co.uk/news\""), "links intact: " + article);
    }

    @Test
    void aSecondRunChangesNothingAndSaysSo() {
        Run first = editor("import", "wordpress", export.toString(), "--uploads", uploads.toString(), "--local");
        assertEquals(0, first.code, first.toString());
        long version = new ArticleTable(aws.dynamoDb(), names.get("ArticlesTable")).find("harbour-reopens").orElseThrow().version();
        Run second = editor("import", "wordpress", export.toString(), "--uploads", uploads.toString(), "--local");
        assertEquals(0, second.code, second.toString());
        assertTrue(second.out.contains("articles: created 0, updated 0, unchanged (imported before) 5"), second.out);
        assertTrue(second.out.contains("comments: approved 0, pending (moderation queue) 0, already imported 4"), second.out);
        assertTrue(second.out.contains("images: uploaded 0"), second.out);
        assertTrue(second.out.contains("Nothing changed"), second.out);
        assertEquals(version, new ArticleTable(aws.dynamoDb(), names.get("ArticlesTable")).find("harbour-reopens").orElseThrow().version());
        assertEquals(3, commentCount("harbour-reopens"));
    }

    @Test
    void anInterruptedRunCompletesWithoutDuplicates() {
        // The import stops at its fourth transaction (a crash, a lost connection): some posts and comments are written.
        AtomicInteger transactions = new AtomicInteger();
        DynamoDbClient failing = failingAfter(aws.dynamoDb(), 3, transactions);
        WordPressImport.Destination destination = new WordPressImport.Destination(
                new Publisher(new ArticleTable(failing, names.get("ArticlesTable")),
                        new ImageBucket(aws.s3(), names.get("ImagesBucket")), Clock.systemUTC()),
                new DynamoComments(failing, commentTables()), "the emulators");
        StringWriter partial = new StringWriter();
        assertThrows(IllegalStateException.class, () -> new WordPressImport(new WordPressImport.Options(export, uploads, false, 1),
                destination, Clock.systemUTC(), new PrintWriter(partial)).run());
        assertTrue(transactions.get() > 3, "stopped at a failed transaction");

        Run resumed = editor("import", "wordpress", export.toString(), "--uploads", uploads.toString(), "--local");
        assertEquals(0, resumed.code, resumed.toString());
        assertTrue(resumed.out.contains("unchanged (imported before) 3"), resumed.out);
        assertEquals(4, comments("harbour-reopens").size());
        assertEquals(3, commentCount("harbour-reopens"));
        assertEquals(1, moderation().pending(null).size());
        Run again = editor("import", "wordpress", export.toString(), "--uploads", uploads.toString(), "--local");
        assertTrue(again.out.contains("Nothing changed"), again.out);
    }

    @Test
    void aDryRunPrintsTheReportAndWritesNothing() throws Exception {
        // A file the editor would refuse leaves its image out, not the post.
        Files.writeString(uploads.resolve("2016/09/lost.jpg"), "not an image");
        Run run = editor("import", "wordpress", export.toString(), "--uploads", uploads.toString(), "--dry-run");
        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("Dry run: nothing was written"), run.out);
        assertTrue(run.out.contains("would be published 2"), run.out);
        assertTrue(run.out.contains("2016/09/lost.jpg is not an image"), run.out);
        assertTrue(run.out.contains("comments: would be approved 3, would be pending (moderation queue) 1"), run.out);
        assertEquals(0, aws.dynamoDb().scan(scan -> scan.tableName(names.get("ArticlesTable"))).count());
        assertEquals(0, aws.dynamoDb().scan(scan -> scan.tableName(names.get("CommentsTable"))).count());
        assertEquals(0, aws.s3().listObjectsV2(list -> list.bucket(names.get("ImagesBucket"))).keyCount());
    }

    @Test
    void aWxrOneZeroExportOfClassicContent() {
        Path old = WxrFixtures.file(dir, "export-1.0.xml", null);
        Run run = editor("import", "wordpress", old.toString(), "--local");
        assertEquals(0, run.code, run.toString());
        JsonNode article = get("old-post");
        assertEquals("Old post with \"quotes\" & entities", article.path("headline").asText());
        assertEquals(List.of("Harbour", "Fishing"), names(article.path("tagDetails")));
        assertEquals(2, article.path("body").size(), article.toString());
        assertEquals("admin", article.path("authors").path(0).path("name").asText());
        List<JsonNode> comments = comments("old-post");
        assertEquals(1, comments.size());
        assertEquals("Nice one.\nTwo lines.", comments.get(0).path("contentHtml").asText(comments.get(0).toString()));
        assertTrue(article.toString().contains("http://old.example.org/2009/12/older/"), article.toString());
    }

    @Test
    void aPostWithoutContentIsServedWithItsHeadlineAlone() throws Exception {
        String empty = WxrFixtures.text("export-1.0.xml").replaceAll("(?s)<content:encoded>.*?</content:encoded>",
                "<content:encoded><![CDATA[]]></content:encoded>");
        Path file = Files.writeString(dir.resolve("empty.xml"), empty, StandardCharsets.UTF_8);
        Run run = editor("import", "wordpress", file.toString(), "--local");
        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("old-post: no content: the article's body is empty"), run.out);
        JsonNode article = get("old-post");
        assertEquals(0, article.path("body").size(), article.toString());
        assertEquals("Old post with \"quotes\" & entities", article.path("headline").asText());
    }

    // ---- helpers ----

    /** A client that passes everything to {@code real} and fails the transaction after the first {@code allowed}. */
    private static DynamoDbClient failingAfter(DynamoDbClient real, int allowed, AtomicInteger transactions) {
        return new DynamoDbClient() {
            @Override
            public String serviceName() {
                return real.serviceName();
            }

            @Override
            public void close() {
            }

            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return real.getItem(request);
            }

            @Override
            public QueryResponse query(QueryRequest request) {
                return real.query(request);
            }

            @Override
            public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
                if (transactions.incrementAndGet() > allowed) {
                    throw new IllegalStateException("connection lost (test)");
                }
                return real.transactWriteItems(request);
            }
        };
    }

    private DynamoComments.Tables commentTables() {
        return new DynamoComments.Tables(names.get("ArticlesTable"), names.get("CommentsTable"), names.get("GuardsTable"));
    }

    private Moderation moderation() {
        return new Moderation(aws.dynamoDb(), commentTables());
    }

    private JsonNode get(String slug) {
        APIGatewayV2HTTPResponse response = articleResponse(slug);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response.getBody());
    }

    private int status(String slug) {
        return articleResponse(slug).getStatusCode();
    }

    private APIGatewayV2HTTPResponse articleResponse(String slug) {
        GetArticleHandler handler = new GetArticleHandler(new DynamoArticleRepository(aws.dynamoDb(), names.get("ArticlesTable"),
                Clock.systemUTC()), "https://news.example.org/{slug}", "public, max-age=60");
        return handler.handleRequest(HttpEvents.request("GET", "/articles/" + slug).host("api.example.com")
                .pathParameters(Map.of("slug", slug)).build(), null);
    }

    private List<JsonNode> comments(String slug) {
        DynamoComments store = new DynamoComments(aws.dynamoDb(), commentTables());
        CommentService service = new CommentService(store, new Challenges(KEYS, Duration.ofMinutes(10), Clock.systemUTC()), KEYS,
                new ModerationRules(ModerationRules.Mode.ALL, List.of(), List.of()), 0, Clock.systemUTC());
        APIGatewayV2HTTPResponse response = new ListCommentsHandler(service, "public, max-age=10").handleRequest(
                HttpEvents.request("GET", "/articles/" + slug + "/comments").host("api.example.com")
                        .pathParameters(Map.of("slug", slug)).build(), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        List<JsonNode> items = new ArrayList<>();
        json(response.getBody()).path("items").forEach(items::add);
        return items;
    }

    private long commentCount(String slug) {
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(get -> get.tableName(names.get("ArticlesTable"))
                .key(Map.of("slug", AttributeValue.fromS(slug))).consistentRead(true)).item();
        AttributeValue count = item.get("commentCount");
        return count == null ? 0 : Long.parseLong(count.n());
    }

    private static List<String> names(JsonNode details) {
        List<String> names = new ArrayList<>();
        details.forEach(detail -> names.add(detail.path("name").asText()));
        return names;
    }

    private static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private Run editor(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Editor.run(args, new PrintWriter(out), new PrintWriter(err), new Editor.Context(() -> localApiFile, Clock.systemUTC()));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
