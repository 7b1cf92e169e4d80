package dev.broadsheet.editor.wordpress;

import dev.broadsheet.editor.EditorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WxrReaderTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://wordpress.org/export/1.0/", "http://wordpress.org/export/1.1/", "http://wordpress.org/export/1.2/",
            "https://wordpress.org/export/1.0/", "https://wordpress.org/export/1.1/", "https://wordpress.org/export/1.2/"})
    void readsEveryNamespaceOfWxrOneZeroToOneTwo(String namespace) {
        Path file = WxrFixtures.file(folder, "export-1.2.xml", namespace);
        List<Wxr.Item> items = WxrFixtures.items(file);
        assertEquals(List.of(10L, 11L, 12L, 13L, 14L, 2L, 50L, 52L, 60L), items.stream().map(Wxr.Item::postId).toList());
        Wxr.Item post = WxrFixtures.post(items, 10);
        assertEquals("harbour-reopens", post.postName());
        assertEquals("publish", post.status());
        assertEquals("2016-09-13 08:00:00", post.postDateGmt());
        assertEquals("jdoe", post.creator());
        assertEquals("The harbour reopened &amp; the ferries run again.", post.excerpt());
        assertTrue(post.content().startsWith("<!-- wp:paragraph -->"));
        assertEquals(Map.of("_thumbnail_id", "50"), post.meta(), "only the meta the importer uses");
        assertEquals(3, post.terms().size());
        assertEquals(new Wxr.Term("post_tag", "caf%c3%a9s", "Cafés"), post.terms().get(1));
        assertEquals(7, post.comments().size());
        Wxr.Comment reply = post.comments().get(1);
        assertEquals(new Wxr.Comment(101, "Bob", "bob@example.com", "", "2016-09-13 11:00:00", "2016-09-13 10:00:00",
                "Agreed, Ann.", "1", "", 100), reply);
        Wxr.Item attachment = WxrFixtures.post(items, 50);
        assertEquals("attachment", attachment.postType());
        assertEquals("https://news.example.org/wp-content/uploads/2016/09/boats.jpg", attachment.attachmentUrl());
        assertEquals("2016/09/boats.jpg", attachment.meta().get("_wp_attached_file"));
    }

    @Test
    void theChannelGivesTheSiteAndTheAuthorsDisplayNames() {
        Wxr.Channel channel = new WxrReader(WxrFixtures.file(folder, "export-1.2.xml", null)).read(c -> { }, item -> { });
        assertEquals("1.2", channel.version());
        assertEquals("https://news.example.org", channel.siteUrl());
        assertEquals(Map.of("jdoe", "Jane Doe", "pnunez", "Pedro Núñez"), channel.authors());
    }

    @Test
    void wxrOneZeroHasNoAuthorsAndPlainCategories() {
        Path file = WxrFixtures.file(folder, "export-1.0.xml", null);
        Wxr.Channel channel = new WxrReader(file).read(c -> { }, item -> { });
        assertEquals("1.0", channel.version());
        assertTrue(channel.authors().isEmpty());
        Wxr.Item post = WxrFixtures.items(file).get(0);
        assertEquals("Old post with \"quotes\" &amp; entities", post.title());
        assertEquals(new Wxr.Term(null, null, "Harbour"), post.terms().get(0));
        assertEquals(new Wxr.Term("tag", "fishing", "Fishing"), post.terms().get(3));
    }

    @Test
    void anRssFileThatIsNotAWordPressExportIsRefused() throws IOException {
        Path rss = Files.writeString(folder.resolve("feed.xml"), "<rss version=\"2.0\"><channel><title>x</title>"
                + "<item><title>y</title></item></channel></rss>");
        EditorException e = assertThrows(EditorException.class, () -> WxrFixtures.items(rss));
        assertTrue(e.getMessage().contains("not a WordPress export"), e.getMessage());
        Path html = Files.writeString(folder.resolve("page.xml"), "<html><body/></html>");
        assertTrue(assertThrows(EditorException.class, () -> WxrFixtures.items(html)).getMessage().contains("root element is <html>"));
    }

    @Test
    void malformedXmlSaysWhere() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.xml"), "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\">\n"
                + "<channel><wp:wxr_version>1.2</wp:wxr_version>\n<item><title>x</title>\n</channel></rss>");
        EditorException e = assertThrows(EditorException.class, () -> WxrFixtures.items(broken));
        assertTrue(e.getMessage().contains("is not well-formed XML at line 4"), e.getMessage());
        assertFalse(e.getMessage().contains("javax."), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverRead() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP SECRET");
        Path xxe = Files.writeString(folder.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><wp:wxr_version>1.2</wp:wxr_version>"
                + "<item><title>&x;</title><wp:post_type>post</wp:post_type></item></channel></rss>");
        try {
            List<Wxr.Item> items = WxrFixtures.items(xxe);
            assertFalse(items.get(0).title().contains("TOP SECRET"));
        } catch (EditorException refused) {
            assertFalse(refused.getMessage().contains("TOP SECRET"));
        }
    }
    @Test
    void strayTextBetweenAnItemsFieldsIsSkipped() throws IOException {
        // As in WordPress's own theme unit test data: <wp:is_sticky>0</wp:is_sticky>' then the categories.
        Path file = Files.writeString(folder.resolve("stray.xml"), "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
                + "<wp:wxr_version>1.2</wp:wxr_version><item><title>T</title><wp:post_id>5</wp:post_id>'\n"
                + "<category domain=\"post_tag\" nicename=\"a\"><![CDATA[A]]></category>\n"
                + "<wp:attachment_url>\n  https://example.org/wp-content/uploads/a.jpg\n</wp:attachment_url></item></channel></rss>");
        Wxr.Item item = WxrFixtures.items(file).get(0);
        assertEquals(5, item.postId());
        assertEquals(List.of(new Wxr.Term("post_tag", "a", "A")), item.terms());
        assertEquals("https://example.org/wp-content/uploads/a.jpg", item.attachmentUrl());
    }
}
