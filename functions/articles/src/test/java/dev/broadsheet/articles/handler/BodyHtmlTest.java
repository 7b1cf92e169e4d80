package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.EmbedProvider;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Mark;
import dev.broadsheet.articles.model.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The feed's {@code content:encoded}: every block type as HTML, every text escaped, no link but http, https and mailto. */
class BodyHtmlTest {

    private static final String API = "https://api.example.com";
    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'y' <img src=x onerror=alert(1)>";
    private static final String ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &lt;img src=x onerror=alert(1)&gt;";

    private static Span.Text text(String text) {
        return new Span.Text(text);
    }

    @Test
    void rendersEveryBlockType() {
        Image a = new Image("images/a/1.png", "Alt A", "Caption A", "Credit", 4, 3, "image/png");
        Image b = new Image("images/a/2.png", "Alt B", null, null, 4, 3, "image/png");
        String html = BodyHtml.render(List.of(
                new Block.Paragraph(List.of(text("See "), new Span.Text("the BBC", List.of(Mark.STRONG, Mark.EM), "https://www.bbc.co.uk/news"),
                        new Span.Break(), text("H"), new Span.Text("2", List.of(Mark.SUB), null), text("O"),
                        new Span.Text("x", List.of(Mark.SUP, Mark.CODE), "mailto:desk@example.com"))),
                new Block.Heading(3, List.of(text("Three"))),
                new Block.Quote(List.of(text("Q")), "Lavrov", "https://example.com/source"),
                new Block.ListBlock(true, List.of(new Block.ListItem(List.of(text("one")),
                        new Block.ListBlock(false, List.of(new Block.ListItem(List.of(text("one a")), null)))))),
                new Block.Code("if (a < b) {\n}", "js"),
                new Block.Table("Votes", List.of(new Block.Cell(List.of(text("Ward")))), List.of(List.of(new Block.Cell(List.of(text("North")))))),
                new Block.ImageBlock(a),
                new Block.Gallery(List.of(a, b), "Both"),
                new Block.Embed(EmbedProvider.YOUTUBE, "https://youtu.be/x?a=1&b=2", null),
                new Block.Separator()), API);

        assertEquals("""
                <p>See <a href="https://www.bbc.co.uk/news"><strong><em>the BBC</em></strong></a><br>H<sub>2</sub>O\
                <a href="mailto:desk@example.com"><code><sup>x</sup></code></a></p>
                <h3>Three</h3>
                <blockquote cite="https://example.com/source"><p>Q</p><cite>Lavrov</cite></blockquote>
                <ol><li>one<ul><li>one a</li></ul></li></ol>
                <pre><code class="language-js">if (a &lt; b) {
                }</code></pre>
                <table><caption>Votes</caption><thead><tr><th>Ward</th></tr></thead><tbody><tr><td>North</td></tr></tbody></table>
                <figure><img src="https://api.example.com/images/a/1.png" alt="Alt A" width="4" height="3"><figcaption>Caption A (Credit)</figcaption></figure>
                <figure><figure><img src="https://api.example.com/images/a/1.png" alt="Alt A" width="4" height="3"><figcaption>Caption A (Credit)</figcaption></figure>\
                <figure><img src="https://api.example.com/images/a/2.png" alt="Alt B" width="4" height="3"></figure><figcaption>Both</figcaption></figure>
                <p>YouTube: <a href="https://youtu.be/x?a=1&amp;b=2">https://youtu.be/x?a=1&amp;b=2</a></p>
                <hr>
                """, html);
    }

    @Test
    void hostileTextIsEscapedEverywhere() {
        Block.Cell cell = new Block.Cell(List.of(text(HOSTILE)));
        String html = BodyHtml.render(List.of(
                new Block.Paragraph(List.of(new Span.Text(HOSTILE, List.of(Mark.EM), "https://example.com/?q=\"><script>"))),
                new Block.Heading(2, List.of(text(HOSTILE))),
                new Block.Quote(List.of(text(HOSTILE)), HOSTILE, null),
                new Block.ListBlock(false, List.of(new Block.ListItem(List.of(text(HOSTILE)), null))),
                new Block.Code(HOSTILE, null),
                new Block.Table(HOSTILE, List.of(cell), List.of(List.of(cell))),
                new Block.Gallery(List.of(new Image("images/a/1.png", HOSTILE, HOSTILE, HOSTILE, 1, 1, "image/png"),
                        new Image("images/a/2.png", HOSTILE, null, null, 1, 1, "image/png")), HOSTILE),
                new Block.Embed(EmbedProvider.VIMEO, "https://vimeo.com/1", HOSTILE)), API);

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("<a href=\"https://example.com/?q="), "a link that is no URL is not written: " + html);
        // Every text: the paragraph, heading, quote and its attribution, item, code, caption and two cells, the
        // first image's alt, caption and credit, the second's alt, the gallery's caption, the embed's caption.
        assertEquals(15, html.split(java.util.regex.Pattern.quote(ESCAPED), -1).length - 1, html);
    }

    @Test
    void linksThatAreNotHttpHttpsOrMailtoAreNeverWritten() {
        // The editor refuses these; a stored item changed by other means still renders no such link.
        String html = BodyHtml.render(List.of(
                new Block.Paragraph(List.of(new Span.Text("click", List.of(), "javascript:alert(1)"),
                        new Span.Text("data", List.of(), "data:text/html,<script>alert(1)</script>"),
                        new Span.Text("spaced", List.of(), " javascript:alert(1)"))),
                new Block.Quote(List.of(text("q")), null, "javascript:alert(1)")), API);

        assertEquals("<p>clickdataspaced</p>\n<blockquote><p>q</p></blockquote>\n", html);
    }
}
