package dev.broadsheet.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.local.seed.SampleArticle;
import dev.broadsheet.template.OpenApiContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code broadsheet publish --local} against a running local API: it finds the emulators through
 * the file the local API writes, and what it publishes is served over HTTP at once.
 */
class EditorThroughLocalApiIT {

    private static final String SLUG = "harbour-festival-draws-record-crowds";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;
    private Path discoveryFile;
    private LocalApi api;

    @BeforeEach
    void start() {
        discoveryFile = dir.resolve(".broadsheet").resolve(LocalApiFile.NAME);
        api = LocalApi.start(Settings.inMemory(), discoveryFile);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void describesItsEmulatorsWhileRunningAndNotAfter() throws Exception {
        LocalApiFile described = LocalApiFile.read(discoveryFile);
        assertEquals(api.url(), described.apiUrl());
        assertEquals(api.discovery(), described);
        assertEquals(ProcessHandle.current().pid(), described.pid());
        // sam local invoke --env-vars .broadsheet/env.json: every function, the emulators' names and endpoints.
        Path samEnv = discoveryFile.resolveSibling("env.json");
        com.fasterxml.jackson.databind.JsonNode env = dev.broadsheet.core.Json.MAPPER.readTree(samEnv.toFile());
        assertEquals(api.aws().physicalNames().get("ArticlesTable"), env.path("GetArticleFunction").path("ARTICLES_TABLE").asText());
        assertEquals(api.aws().physicalNames().get("ImagesBucket"), env.path("GetImageFunction").path("IMAGES_BUCKET").asText());
        String jvm = env.path("SubmitCommentFunction").path("JAVA_TOOL_OPTIONS").asText();
        assertTrue(jvm.contains("-Daws.endpointUrlDynamoDb=" + api.aws().dynamoDbEndpoint()), jvm);
        assertTrue(jvm.contains("-Daws.endpointUrlS3=" + api.aws().s3Endpoint()), jvm);
        assertTrue(jvm.startsWith("-XX:+TieredCompilation"), "the template's own options stay: " + jvm);

        api.close();
        api = null;

        assertFalse(Files.exists(discoveryFile), "deleted on a clean shutdown");
        assertFalse(Files.exists(samEnv), "deleted on a clean shutdown");
    }

    /**
     * Every block type, editor → DynamoDB → {@code GET /articles/{slug}} through the functions' jars:
     * served as the contract says, the gallery's images signed by the images route, and pulled back
     * into a file that publishes to the same article.
     */
    @Test
    void anArticlePublishedWithTheEditorIsServedByTheLocalApiWithEveryBlockType() throws Exception {
        Files.write(dir.resolve("crowd.png"), image("png", 800, 450));
        Files.write(dir.resolve("map.jpg"), image("jpg", 400, 400));
        Files.write(dir.resolve("stage.png"), image("png", 300, 200));
        Files.writeString(dir.resolve("article.json"), """
                {"slug": "%s", "headline": "Harbour festival draws record crowds", "tags": ["local"],
                 "heroImage": {"file": "crowd.png", "alt": "Crowds on the quay"},
                 "body": [{"type": "paragraph", "content": [{"text": "Forty thousand came, "},
                            {"text": "the council said", "href": "https://council.example.gov/news"}, {"text": "."},
                            {"break": true}, {"text": "CO"}, {"text": "2", "marks": ["sub"]}, {"text": " fell", "marks": ["strong", "em"]}]},
                          {"type": "heading", "level": 3, "text": "The stages"},
                          {"type": "quote", "text": "Never seen so many.", "attribution": "A steward", "cite": "https://council.example.gov/q"},
                          {"type": "list", "ordered": true, "items": ["Main stage", {"text": "Quay", "list": {"items": ["North", "South"]}}]},
                          {"type": "code", "text": "crowd = 40_000\\n", "language": "python"},
                          {"type": "table", "caption": "Visitors", "header": ["Day", "People"], "rows": [["Fri", "18,000"], ["Sat", "22,000"]]},
                          {"type": "image", "image": {"file": "map.jpg", "alt": "Where the stages were"}},
                          {"type": "gallery", "caption": "The quay", "images": [{"file": "stage.png", "alt": "The stage"},
                            {"file": "map.jpg", "alt": "The map again", "caption": "Map"}]},
                          {"type": "embed", "provider": "youtube", "url": "https://www.youtube.com/watch?v=festival", "caption": "Highlights"},
                          {"type": "separator"}]}
                """.formatted(SLUG));

        Run published = editor("publish", dir.resolve("article.json").toString(), "--local");

        assertEquals(0, published.code, published.toString());
        assertTrue(published.out.contains(api.url() + "/articles/" + SLUG), published.out);
        HttpResponse<String> article = get("/articles/" + SLUG);
        assertEquals(200, article.statusCode(), article.body());
        OpenApiContract.ofProject().requireKept("GET /articles/{slug}", article.statusCode(), headers(article), article.body());
        JsonNode json = Json.MAPPER.readTree(article.body());
        assertTrue(json.path("heroImage").path("src").asText().startsWith(api.url() + "/images/" + SLUG + "/"), article.body());
        assertEquals(800, json.path("heroImage").path("width").asInt());
        JsonNode body = json.path("body");
        assertEquals(Json.MAPPER.readTree("""
                {"type": "paragraph", "text": "Forty thousand came, the council said.\\nCO2 fell", "content": [
                  {"text": "Forty thousand came, "}, {"text": "the council said", "href": "https://council.example.gov/news"},
                  {"text": "."}, {"break": true}, {"text": "CO"}, {"text": "2", "marks": ["sub"]}, {"text": " fell", "marks": ["strong", "em"]}]}
                """), body.get(0));
        assertEquals("{\"type\":\"heading\",\"text\":\"The stages\",\"level\":3,\"content\":[{\"text\":\"The stages\"}]}",
                body.get(1).toString());
        assertEquals("https://council.example.gov/q", body.get(2).path("cite").asText());
        assertEquals("Main stage\nQuay\n  North\n  South", body.get(3).path("text").asText());
        assertEquals("crowd = 40_000\n", body.get(4).path("text").asText());
        assertEquals("Day\tPeople\nFri\t18,000\nSat\t22,000", body.get(5).path("text").asText());
        assertEquals(400, body.get(6).path("image").path("width").asInt());
        assertEquals("The quay\nThe stage\nMap", body.get(7).path("text").asText());
        assertEquals(300, body.get(7).path("images").get(0).path("width").asInt());
        assertEquals("youtube", body.get(8).path("provider").asText());
        assertEquals("separator", body.get(9).path("type").asText());

        // The gallery's images are signed like the image block's.
        JsonNode images = Json.MAPPER.readTree(get("/articles/" + SLUG + "/images").body()).path("images");
        List<String> sources = new ArrayList<>();
        images.forEach(signed -> sources.add(signed.path("src").asText()));
        assertEquals(List.of(json.path("heroImage").path("src").asText(), body.get(6).path("image").path("src").asText(),
                body.get(7).path("images").get(0).path("src").asText(), body.get(7).path("images").get(1).path("src").asText()), sources);

        // Pulled, the file publishes to the same article.
        Run pulled = editor("pull", SLUG, "--to", dir.resolve("pulled").toString(), "--local");
        assertEquals(0, pulled.code, pulled.toString());
        assertTrue(pulled.out.contains("with 3 image files"), pulled.out);
        // As an editor writes it: plain content as text, items and cells as strings, images as files, no derived text.
        JsonNode file = Json.MAPPER.readTree(dir.resolve("pulled").resolve("article.json").toFile()).path("body");
        assertFalse(file.get(0).has("text"), "a paragraph with a link keeps its spans: " + file.get(0));
        assertEquals("{\"type\":\"heading\",\"text\":\"The stages\",\"level\":3}", file.get(1).toString());
        assertEquals("[\"Main stage\",{\"text\":\"Quay\",\"list\":{\"ordered\":false,\"items\":[\"North\",\"South\"]}}]",
                file.get(3).path("items").toString());
        assertEquals("[[\"Fri\",\"18,000\"],[\"Sat\",\"22,000\"]]", file.get(5).path("rows").toString());
        assertEquals(List.of("image-2.png", "image-1.jpg"), List.of(file.get(7).path("images").get(0).path("file").asText(),
                file.get(7).path("images").get(1).path("file").asText()), "the map is one file wherever it is shown");
        assertEquals("{\"type\":\"separator\"}", file.get(9).toString());
        Run again = editor("publish", dir.resolve("pulled").resolve("article.json").toString(), "--local");
        assertEquals(0, again.code, again.toString());
        assertTrue(again.out.contains("Unchanged: " + SLUG), again.out);

        HttpResponse<String> list = get("/articles");
        List<String> slugs = new ArrayList<>();
        Json.MAPPER.readTree(list.body()).path("items").forEach(item -> slugs.add(item.path("slug").asText()));
        assertTrue(slugs.contains(SLUG) && slugs.contains(SampleArticle.SLUG), slugs.toString());
    }

    private record Run(int code, String out, String err) {
    }

    private Run editor(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Editor.run(args, new PrintWriter(out), new PrintWriter(err), new Editor.Context(() -> discoveryFile, Clock.systemUTC()));
        return new Run(code, out.toString(), err.toString());
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    @Test
    void aCommentApprovedWithTheEditorIsListedByTheLocalApi() throws Exception {
        String slug = SampleArticle.SLUG;
        HttpResponse<String> challenge = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/articles/" + slug + "/challenges"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, challenge.statusCode(), challenge.body());
        JsonNode issued = Json.MAPPER.readTree(challenge.body());
        String body = Json.write(java.util.Map.of("author", "First Time Reader", "email", "first.reader@example.com",
                "content", "Held until an editor approves it.",
                "challengeToken", issued.path("token").asText(), "challengePassword", issued.path("password").asText()));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/articles/" + slug + "/comments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode comment = Json.MAPPER.readTree(created.body());
        assertEquals("pending", comment.path("status").asText(), "a first-time author is held");
        String id = slug + "/" + comment.path("id").asText();
        assertEquals(0, Json.MAPPER.readTree(get("/articles/" + slug + "/comments").body()).path("items").size());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Editor.Context context = new Editor.Context(() -> discoveryFile, Clock.systemUTC());
        assertEquals(0, Editor.run(new String[] {"comments", "pending", "--local"}, new PrintWriter(out), new PrintWriter(err), context),
                out + "\n" + err);
        assertTrue(out.toString().contains(id) && out.toString().contains("first.reader@example.com"), out.toString());
        assertEquals(0, Editor.run(new String[] {"comments", "approve", id, "--local"}, new PrintWriter(out), new PrintWriter(err), context),
                out + "\n" + err);

        HttpResponse<String> listed = get("/articles/" + slug + "/comments");
        JsonNode items = Json.MAPPER.readTree(listed.body()).path("items");
        assertEquals(1, items.size(), listed.body());
        assertEquals(comment.path("id").asText(), items.get(0).path("id").asText());
        assertFalse(listed.body().contains("first.reader"), "never the email: " + listed.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] image(String format, int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }
}
