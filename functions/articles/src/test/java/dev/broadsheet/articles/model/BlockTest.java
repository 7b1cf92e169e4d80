package dev.broadsheet.articles.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every block type's plain-text form and its JSON, as BODY-SPEC.md fixes them. */
class BlockTest {

    private static final Image A = new Image("images/a/1.png", "Alt A", "Caption A", "Credit", 4, 3, "image/png");
    private static final Image B = new Image("images/a/2.png", "Alt B", null, null, 4, 3, "image/png");

    private static Span.Text text(String text) {
        return new Span.Text(text);
    }

    @Test
    void plainTextFormsOfEveryBlockType() {
        assertEquals("Russia said, according to the BBC\nH2O", new Block.Paragraph(List.of(text("Russia said, according to "),
                new Span.Text("the BBC", List.of(), "https://www.bbc.co.uk/news"), new Span.Break(), text("H"),
                new Span.Text("2", List.of(Mark.SUB), null), text("O"))).text());
        assertEquals("What next", new Block.Heading(3, List.of(text("What next"))).text());
        assertEquals("We agreed.", new Block.Quote(List.of(text("We agreed.")), "Lavrov", null).text(), "the attribution is its own field");
        Block.ListBlock nested = new Block.ListBlock(true, List.of(new Block.ListItem(List.of(text("two a")),
                new Block.ListBlock(false, List.of(new Block.ListItem(List.of(text("deep")), null)))), new Block.ListItem(List.of(text("two b")), null)));
        assertEquals("one\ntwo\n  two a\n    deep\n  two b\nthree", new Block.ListBlock(false, List.of(
                new Block.ListItem(List.of(text("one")), null), new Block.ListItem(List.of(text("two")), nested),
                new Block.ListItem(List.of(text("three")), null))).text());
        assertEquals("  indented\n\tcode\n", new Block.Code("  indented\n\tcode\n", null).text());
        assertEquals("Ward\tFor\nNorth\t4\nSouth\t", new Block.Table("Votes", List.of(cell("Ward"), cell("For")),
                List.of(List.of(cell("North"), cell("4")), List.of(cell("South"), new Block.Cell(List.of())))).text());
        assertEquals("North\t4", new Block.Table(null, List.of(), List.of(List.of(cell("North"), cell("4")))).text(), "no header");
        assertEquals("Caption A", new Block.ImageBlock(A).text());
        assertEquals("Alt B", new Block.ImageBlock(B).text(), "no caption: the alternative text");
        assertEquals("Two pictures\nCaption A\nAlt B", new Block.Gallery(List.of(A, B), "Two pictures").text());
        assertEquals("Caption A\nAlt B", new Block.Gallery(List.of(A, B), null).text());
        assertEquals("The video", new Block.Embed(EmbedProvider.YOUTUBE, "https://youtu.be/x", "The video").text());
        assertEquals("https://youtu.be/x", new Block.Embed(EmbedProvider.YOUTUBE, "https://youtu.be/x", null).text());
        assertEquals("", new Block.Separator().text());
    }

    @Test
    void everyBlockTypeIsWrittenAsTheApiServesIt() throws Exception {
        assertJson("{'type':'paragraph','text':'See the BBC\\nH2O','content':[{'text':'See '},"
                        + "{'text':'the BBC','marks':['strong','em'],'href':'https://www.bbc.co.uk/news'},{'break':true},"
                        + "{'text':'H'},{'text':'2','marks':['sub']},{'text':'O'}]}",
                new Block.Paragraph(List.of(text("See "), new Span.Text("the BBC", List.of(Mark.EM, Mark.STRONG, Mark.EM),
                        "https://www.bbc.co.uk/news"), new Span.Break(), text("H"), new Span.Text("2", List.of(Mark.SUB), null), text("O"))));
        assertJson("{'type':'heading','text':'Next','level':4,'content':[{'text':'Next'}]}", new Block.Heading(4, List.of(text("Next"))));
        assertJson("{'type':'quote','text':'Q','content':[{'text':'Q'}],'attribution':'Lavrov','cite':'https://example.com/'}",
                new Block.Quote(List.of(text("Q")), "Lavrov", "https://example.com/"));
        assertJson("{'type':'list','text':'one\\n  one a','ordered':true,'items':[{'content':[{'text':'one'}],'text':'one',"
                        + "'list':{'ordered':false,'items':[{'content':[{'text':'one a'}],'text':'one a'}]}}]}",
                new Block.ListBlock(true, List.of(new Block.ListItem(List.of(text("one")),
                        new Block.ListBlock(false, List.of(new Block.ListItem(List.of(text("one a")), null)))))));
        assertJson("{'type':'code','text':'x = 1\\n','language':'python'}", new Block.Code("x = 1\n", "python"));
        assertJson("{'type':'table','text':'H\\nC\\t','caption':'T','header':[{'content':[{'text':'H'}],'text':'H'}],"
                        + "'rows':[[{'content':[{'text':'C'}],'text':'C'},{'content':[],'text':''}]]}",
                new Block.Table("T", List.of(cell("H")), List.of(List.of(cell("C"), new Block.Cell(List.of())))));
        assertJson("{'type':'image','text':'Caption A','image':{'src':'images/a/1.png'}}", new Block.ImageBlock(A));
        assertJson("{'type':'gallery','text':'G\\nCaption A\\nAlt B','images':[{'src':'images/a/1.png'},{'src':'images/a/2.png'}],"
                + "'caption':'G'}", new Block.Gallery(List.of(A, B), "G"));
        assertJson("{'type':'embed','text':'https://x.com/a/status/1','provider':'x','url':'https://x.com/a/status/1'}",
                new Block.Embed(EmbedProvider.X, "https://x.com/a/status/1", null));
        assertJson("{'type':'separator','text':''}", new Block.Separator());
    }

    @Test
    void plainTextBecomesOneSpanALineAndNeighboursSetAlikeMerge() {
        assertEquals(List.of(text("a"), new Span.Break(), new Span.Break(), text("b")), Span.plain("a\n\nb"));
        assertEquals(List.of(new Span.Break()), Span.plain("\n"));
        assertEquals(List.of(new Span.Text("ab", List.of(Mark.EM), null), text("c"), new Span.Break(), text("d"), new Span.Text("e", List.of(), "https://e.example/")),
                Span.merged(List.of(new Span.Text("a", List.of(Mark.EM), null), new Span.Text("b", List.of(Mark.EM), null), text("c"),
                        new Span.Break(), text("d"), new Span.Text("e", List.of(), "https://e.example/"))));
    }

    @Test
    void linksAreHttpHttpsOrMailtoWithAHostOrAnAddress() {
        for (String ok : List.of("https://www.bbc.co.uk/news", "http://example.com", "HTTPS://EXAMPLE.COM/a?b=c#d",
                "mailto:desk@example.com", "https://例え.jp/パス")) {
            assertTrue(Links.isHref(ok), ok);
        }
        for (String bad : List.of("javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " https://example.com",
                "data:text/html,x", "vbscript:x", "//example.com", "/relative", "https:example.com", "https://user@example.com/",
                "mailto:", "mailto:nobody", "ftp://example.com/", "https://exa mple.com", "https://example.com/\u0000",
                "https://" + "a".repeat(Links.MAX_LENGTH))) {
            assertFalse(Links.isHref(bad), bad);
        }
        assertTrue(Links.isWebUrl("https://example.com/"));
        assertFalse(Links.isWebUrl("mailto:desk@example.com"), "a quote cites a page");
    }

    @Test
    void embedProvidersAcceptTheirHostsOnlyOverHttps() {
        assertTrue(EmbedProvider.YOUTUBE.accepts("https://www.youtube.com/watch?v=1"));
        assertTrue(EmbedProvider.YOUTUBE.accepts("https://YOUTU.BE/1"));
        assertTrue(EmbedProvider.BLUESKY.accepts("https://bsky.app/profile/a/post/1"));
        assertFalse(EmbedProvider.YOUTUBE.accepts("http://www.youtube.com/watch?v=1"));
        assertFalse(EmbedProvider.YOUTUBE.accepts("https://www.youtube.com.evil.example/"));
        assertFalse(EmbedProvider.YOUTUBE.accepts("https://evil.example/?www.youtube.com"));
        assertFalse(EmbedProvider.YOUTUBE.accepts("https://vimeo.com/1"));
        assertEquals(EmbedProvider.X, EmbedProvider.of("x"));
        assertNull(EmbedProvider.of("myspace"));
        assertEquals(10, EmbedProvider.ids().size());
    }

    private static Block.Cell cell(String text) {
        return new Block.Cell(List.of(text(text)));
    }

    private static void assertJson(String expected, Block block) throws Exception {
        String written = JsonWriter.write(out -> block.writeJson(out, image -> (JsonWritable) json ->
                json.beginObject().field("src", image.key()).endObject()));
        JsonNode parsed = Json.MAPPER.readTree(written);
        assertEquals(Json.MAPPER.readTree(expected.replace('\'', '"')), parsed, written);
    }
}
