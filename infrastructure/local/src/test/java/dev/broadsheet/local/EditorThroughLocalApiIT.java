package dev.broadsheet.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.local.seed.SampleArticle;
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
import java.util.List;

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

    @Test
    void anArticlePublishedWithTheEditorIsServedByTheLocalApi() throws Exception {
        Files.write(dir.resolve("crowd.png"), image("png", 800, 450));
        Files.write(dir.resolve("map.jpg"), image("jpg", 400, 400));
        Files.writeString(dir.resolve("article.json"), """
                {"slug": "%s", "headline": "Harbour festival draws record crowds", "tags": ["local"],
                 "heroImage": {"file": "crowd.png", "alt": "Crowds on the quay"},
                 "body": [{"type": "paragraph", "text": "Forty thousand came."},
                          {"type": "image", "image": {"file": "map.jpg", "alt": "Where the stages were"}}]}
                """.formatted(SLUG));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Editor.run(new String[] {"publish", dir.resolve("article.json").toString(), "--local"},
                new PrintWriter(out), new PrintWriter(err), new Editor.Context(() -> discoveryFile, Clock.systemUTC()));

        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().contains(api.url() + "/articles/" + SLUG), out.toString());
        HttpResponse<String> article = get("/articles/" + SLUG);
        assertEquals(200, article.statusCode(), article.body());
        JsonNode json = Json.MAPPER.readTree(article.body());
        assertTrue(json.path("heroImage").path("src").asText().startsWith(api.url() + "/images/" + SLUG + "/"), article.body());
        assertEquals(800, json.path("heroImage").path("width").asInt());
        assertTrue(json.path("body").get(1).path("image").path("src").asText().endsWith(".jpg"), article.body());

        HttpResponse<String> list = get("/articles");
        List<String> slugs = new ArrayList<>();
        Json.MAPPER.readTree(list.body()).path("items").forEach(item -> slugs.add(item.path("slug").asText()));
        assertTrue(slugs.contains(SLUG) && slugs.contains(SampleArticle.SLUG), slugs.toString());
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
