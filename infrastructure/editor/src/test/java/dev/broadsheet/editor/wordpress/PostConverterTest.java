package dev.broadsheet.editor.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.core.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posts of the fixture export to the editor's article JSON: slug, headline, dates, status, tags, authors, hero. */
class PostConverterTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path folder;

    private List<Wxr.Item> items;
    private PostConverter converter;

    @BeforeEach
    void read() throws IOException {
        Path file = WxrFixtures.file(folder, "export-1.2.xml", null);
        Path uploads = Files.createDirectories(folder.resolve("uploads/2016/09")).getParent().getParent();
        Files.write(uploads.resolve("2016/09/boats.jpg"), new byte[] {1});
        Attachments attachments = new Attachments();
        items = WxrFixtures.items(file);
        items.stream().filter(item -> item.postType().equals("attachment")).forEach(attachments::add);
        Uploads found = new Uploads(uploads);
        Wxr.Channel channel = new WxrReader(file).read(c -> { }, item -> { });
        converter = new PostConverter(channel, attachments, (src, attachment) -> Uploads.relativePath(src)
                .or(() -> attachment == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(attachment.attachedFile()))
                .flatMap(found::find).map(path -> new ContentConverter.Media.Found(path, null))
                .orElse(new ContentConverter.Media.Found(null, "not in uploads")));
    }

    private PostConverter.Post convert(long id) {
        Wxr.Item item = WxrFixtures.post(items, id);
        return converter.convert(item, PostConverter.slugOf(item), NOW);
    }

    @Test
    void aPublishedPostWithTagsAuthorHeroAndSummary() throws IOException {
        PostConverter.Post post = convert(10);
        ObjectNode article = post.article();
        assertEquals(PostConverter.Kind.PUBLISHED, post.kind());
        assertEquals("harbour-reopens", article.get("slug").asText());
        assertEquals("Harbour reopens after storm & floods", article.get("headline").asText());
        assertEquals("The harbour reopened & the ferries run again.", article.get("summary").asText());
        assertEquals("2016-09-13T08:00:00.000Z", article.get("publishedAt").asText());
        assertEquals(Json.MAPPER.readTree("[{\"slug\":\"local-news\",\"name\":\"Local News\"},{\"slug\":\"cafes\",\"name\":\"Cafés\"}]"),
                article.get("tags"), "categories and tags, display names kept; post formats are not tags");
        assertEquals(Json.MAPPER.readTree("[{\"name\":\"Jane Doe\",\"slug\":\"jdoe\"}]"), article.get("authors"));
        assertEquals(Json.MAPPER.readTree("{\"file\":\"2016/09/boats.jpg\",\"alt\":\"Fishing boats moored in the harbour\","
                + "\"caption\":\"Boats at dawn\"}"), article.get("heroImage"));
        assertTrue(article.get("comments").get("open").asBoolean());
        JsonNode body = article.get("body");
        assertEquals(List.of("paragraph", "heading", "image", "list", "quote", "embed"),
                java.util.stream.StreamSupport.stream(body.spliterator(), false).map(block -> block.get("type").asText()).toList());
        assertEquals("about us", body.get(0).get("content").get(5).get("text").asText());
        assertEquals("https://news.example.org/about/", body.get(0).get("content").get(5).get("href").asText(),
                "relative links resolve against the post's permalink");
        assertEquals(1, post.missingImages().size(), "lost.jpg is not in uploads");
        assertTrue(post.missingImages().get(0).contains("2016/09/lost.jpg"));
    }

    @Test
    void slugsArePercentDecodedAndMadeValid() {
        assertEquals("cafe-week", convert(11).slug());
        assertTrue(convert(11).losses().contains("slug cafe-week (WordPress's was café-week)"), "named for redirects");
        assertEquals("draft-council-budget", convert(13).slug(), "no post_name: from the title");
        assertEquals("post-7", PostConverter.slugOf(new Wxr.Item("???", null, null, "", "", 7, null, null, null, "", "draft", 0,
                "post", "", null, List.of(), Map.of(), List.of())));
        assertEquals("pedro-nunez", PostConverter.slugOf(new Wxr.Item("", null, null, "", "", 8, null, null, null,
                "Pedro%20N%C3%BA%C3%B1ez", "draft", 0, "post", "", null, List.of(), Map.of(), List.of())));
    }

    @Test
    void statusesBecomePublishedScheduledOrUnpublished() {
        PostConverter.Post future = convert(12);
        assertEquals(PostConverter.Kind.SCHEDULED, future.kind());
        assertEquals("2099-12-06T10:00:00.000Z", future.article().get("publishedAt").asText());
        PostConverter.Post draft = convert(13);
        assertEquals(PostConverter.Kind.UNPUBLISHED, draft.kind());
        assertEquals("draft", draft.reason());
        assertNull(draft.article().get("publishedAt"), "0000-00-00 00:00:00: no date");
        PostConverter.Post protectedPost = convert(14);
        assertEquals(PostConverter.Kind.UNPUBLISHED, protectedPost.kind());
        assertEquals("password-protected", protectedPost.reason());
    }

    @Test
    void classicContentWithShortcodesAndAClosedCommentForm() {
        PostConverter.Post post = convert(11);
        assertFalse(post.article().get("comments").get("open").asBoolean());
        assertEquals(Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode().put("name", "Pedro Núñez").put("slug", "pnunez")),
                post.article().get("authors"));
        assertTrue(post.losses().contains("shortcode [newsletter-signup] kept as text (no equivalent)"), post.losses().toString());
        JsonNode body = post.article().get("body");
        assertEquals("paragraph", body.get(0).get("type").asText());
        assertEquals("embed", body.get(body.size() - 2).get("type").asText());
        assertEquals("x", body.get(body.size() - 2).get("provider").asText());
    }
}
