package dev.broadsheet.editor.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Block.Cell;
import dev.broadsheet.articles.model.Block.ListBlock;
import dev.broadsheet.articles.model.Block.ListItem;
import dev.broadsheet.articles.model.EmbedProvider;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Mark;
import dev.broadsheet.articles.model.Span;
import dev.broadsheet.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The body of ARTICLE.json: every block type read, and every rule refusing with its JSON path and its reason. */
class BodyReaderTest {

    private static final byte[] PNG = TestImages.encode("png", 4, 3);

    private static List<Block> read(String body) throws Exception {
        return prepare(body).draft().body();
    }

    private static PreparedArticle prepare(String body) throws Exception {
        JsonNode json = Json.MAPPER.readTree("{\"slug\": \"a\", \"headline\": \"A\", \"body\": " + body.replace('\'', '"') + "}");
        return ArticleReader.read(json, ImageFiles.inMemory(Map.of("a.png", PNG, "b.png", PNG)));
    }

    /** The one error the body gives: its field and message. */
    private static ValidationError refusal(String body) {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> prepare(body));
        assertEquals(1, e.errors().size(), e.errors().toString());
        return e.errors().get(0);
    }

    @Test
    void anEmptyListIsABodyAndNoneIsRefused() throws Exception {
        assertEquals(List.of(), read("[]"), "a headline alone");
        ValidationError missing = refusal("null");
        assertEquals("body", missing.field());
        assertTrue(missing.message().startsWith("is required: a list of blocks"), missing.message());
    }

    @Test
    void readsEveryBlockType() throws Exception {
        List<Block> body = read("""
                [{'type': 'paragraph', 'content': [{'text': 'Russia said, according to '},
                    {'text': 'the BBC', 'href': 'https://www.bbc.co.uk/news'}, {'text': ', '}, {'text': 'more', 'marks': ['sup', 'em']},
                    {'text': 'H'}, {'text': '2', 'marks': ['sub']}, {'text': 'O'}, {'break': true},
                    {'text': 'printf', 'marks': ['code'], 'href': 'mailto:desk@example.com'}]},
                 {'type': 'heading', 'level': 3, 'text': 'Three'},
                 {'type': 'heading', 'text': 'Two'},
                 {'type': 'quote', 'text': 'We agreed.', 'attribution': 'Lavrov', 'cite': 'https://www.bbc.co.uk/news'},
                 {'type': 'list', 'ordered': true, 'items': ['one', {'content': [{'text': 'two', 'marks': ['strong']}],
                    'list': {'items': ['two a', {'text': 'two b', 'list': {'ordered': true, 'items': [{'text': 'deep',
                    'list': {'items': ['deepest']}}]}}]}}]},
                 {'type': 'code', 'text': 'for (;;) {\\n\\tbreak;\\n}\\n', 'language': 'c++'},
                 {'type': 'table', 'caption': 'Votes', 'header': ['Ward', {'content': [{'text': 'For', 'marks': ['strong']}]}],
                    'rows': [['North', '4'], ['South', '']]},
                 {'type': 'image', 'image': {'file': 'a.png', 'alt': 'A', 'caption': 'The A'}},
                 {'type': 'gallery', 'caption': 'Two pictures', 'images': [{'file': 'a.png', 'alt': 'A'}, {'file': 'b.png', 'alt': 'B'}]},
                 {'type': 'embed', 'provider': 'youtube', 'url': 'https://youtu.be/dQw4w9WgXcQ', 'caption': 'The video'},
                 {'type': 'separator'}]
                """);

        assertEquals(new Block.Paragraph(List.of(new Span.Text("Russia said, according to "),
                new Span.Text("the BBC", List.of(), "https://www.bbc.co.uk/news"), new Span.Text(", "),
                new Span.Text("more", List.of(Mark.EM, Mark.SUP), null), new Span.Text("H"),
                new Span.Text("2", List.of(Mark.SUB), null), new Span.Text("O"), new Span.Break(),
                new Span.Text("printf", List.of(Mark.CODE), "mailto:desk@example.com"))), body.get(0));
        assertEquals(new Block.Heading(3, List.of(new Span.Text("Three"))), body.get(1));
        assertEquals(new Block.Heading(2, List.of(new Span.Text("Two"))), body.get(2), "a heading without a level is level 2");
        assertEquals(new Block.Quote(List.of(new Span.Text("We agreed.")), "Lavrov", "https://www.bbc.co.uk/news"), body.get(3));
        ListBlock deepest = new ListBlock(false, List.of(new ListItem(List.of(new Span.Text("deepest")), null)));
        ListBlock third = new ListBlock(true, List.of(new ListItem(List.of(new Span.Text("deep")), deepest)));
        ListBlock second = new ListBlock(false, List.of(new ListItem(List.of(new Span.Text("two a")), null),
                new ListItem(List.of(new Span.Text("two b")), third)));
        assertEquals(new ListBlock(true, List.of(new ListItem(List.of(new Span.Text("one")), null),
                new ListItem(List.of(new Span.Text("two", List.of(Mark.STRONG), null)), second))), body.get(4));
        assertEquals(4, ((ListBlock) body.get(4)).depth());
        assertEquals(new Block.Code("for (;;) {\n\tbreak;\n}\n", "c++"), body.get(5));
        assertEquals(new Block.Table("Votes", List.of(new Cell(List.of(new Span.Text("Ward"))),
                new Cell(List.of(new Span.Text("For", List.of(Mark.STRONG), null)))),
                List.of(List.of(new Cell(List.of(new Span.Text("North"))), new Cell(List.of(new Span.Text("4")))),
                        List.of(new Cell(List.of(new Span.Text("South"))), new Cell(List.of())))), body.get(6));
        assertEquals(new Block.ImageBlock(new Image("a.png", "A", "The A", null, 0, 0, null)), body.get(7),
                "a draft's image is named by its file until it is uploaded");
        assertEquals(new Block.Gallery(List.of(new Image("a.png", "A", null, null, 0, 0, null),
                new Image("b.png", "B", null, null, 0, 0, null)), "Two pictures"), body.get(8));
        assertEquals(new Block.Embed(EmbedProvider.YOUTUBE, "https://youtu.be/dQw4w9WgXcQ", "The video"), body.get(9));
        assertEquals(new Block.Separator(), body.get(10));
    }

    @Test
    void galleryImagesAreUploadedAsImageBlocksAreWithTheirPlaceInTheJson() throws Exception {
        PreparedArticle prepared = prepare("[{'type': 'gallery', 'images': [{'file': 'a.png', 'alt': 'A'}, {'file': 'b.png', 'alt': 'B'}]}]");

        assertEquals(List.of("body[0].images[0]", "body[0].images[1]"),
                prepared.draft().images().stream().map(ArticleDraft.ImageRef::field).toList());
        assertEquals(ArticleReader.sha256(PNG), prepared.image("b.png").sha256());
        ValidationError missing = refusal("[{'type': 'gallery', 'images': [{'file': 'a.png', 'alt': 'A'}, {'file': 'gone.png', 'alt': 'B'}]}]");
        assertEquals("body[0].images[1].file", missing.field());
        assertTrue(missing.message().contains("does not exist"), missing.message());
    }

    @Test
    void plainTextIsOneSpanALineAndNeighboursSetAlikeAreMerged() throws Exception {
        List<Block> body = read("""
                [{'type': 'paragraph', 'text': 'line one\\n\\nline\\ttwo'},
                 {'type': 'paragraph', 'content': [{'text': 'a', 'marks': ['em']}, {'text': 'b', 'marks': ['em']}, {'text': 'c'}]},
                 {'type': 'paragraph', 'content': [{'text': 'Cafe\\u0301'}]}]
                """);

        assertEquals(List.of(new Span.Text("line one"), new Span.Break(), new Span.Break(), new Span.Text("line\ttwo")),
                ((Block.Paragraph) body.get(0)).content());
        assertEquals("line one\n\nline\ttwo", body.get(0).text());
        assertEquals(List.of(new Span.Text("ab", List.of(Mark.EM), null), new Span.Text("c")), ((Block.Paragraph) body.get(1)).content());
        assertEquals("Café", body.get(2).text(), "normalised to NFC");
        assertEquals(4, body.get(2).text().length(), "é as one code point");
    }

    @Test
    void aServedArticlesBlocksAreReadBackTheirTextDerivedFromTheirContent() throws Exception {
        List<Block> body = read("""
                [{'type': 'paragraph', 'text': 'See the BBC', 'content': [{'text': 'See '}, {'text': 'the BBC', 'href': 'https://www.bbc.co.uk/news'}]},
                 {'type': 'list', 'text': 'one', 'ordered': false, 'items': [{'content': [{'text': 'one'}], 'text': 'one'}]},
                 {'type': 'separator', 'text': ''},
                 {'type': 'quote', 'text': 'not what the content says', 'content': [{'text': 'What it says'}]}]
                """);

        assertEquals(4, body.size());
        assertEquals("See the BBC", body.get(0).text());
        assertEquals("What it says", body.get(3).text(), "text is never taken from the file when content is given");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            javascript: link | [{'type': 'paragraph', 'content': [{'text': 'x', 'href': 'javascript:alert(1)'}]}] | body[0].content[0].href | must be an absolute http:, https: or mailto: URL
            data: link | [{'type': 'paragraph', 'content': [{'text': 'x', 'href': 'data:text/html,<b>x</b>'}]}] | body[0].content[0].href | must be an absolute http:, https: or mailto: URL
            relative link | [{'type': 'paragraph', 'content': [{'text': 'x', 'href': '/articles/a'}]}] | body[0].content[0].href | must be an absolute http:, https: or mailto: URL
            link without host | [{'type': 'paragraph', 'content': [{'text': 'x', 'href': 'https:/x'}]}] | body[0].content[0].href | must be an absolute http:, https: or mailto: URL
            link with user name | [{'type': 'paragraph', 'content': [{'text': 'x', 'href': 'https://bbc.co.uk@evil.example/'}]}] | body[0].content[0].href | must be an absolute http:, https: or mailto: URL
            link with a space | [{'type': 'paragraph', 'content': [{'text': 'x', 'href': 'https://exa mple.com/'}]}] | body[0].content[0].href | no spaces
            mailto without address | [{'type': 'paragraph', 'content': [{'text': 'x', 'href': 'mailto:'}]}] | body[0].content[0].href | must be an absolute http:, https: or mailto: URL
            unknown mark | [{'type': 'paragraph', 'content': [{'text': 'x', 'marks': ['underline']}]}] | body[0].content[0].marks[0] | must be one of strong, em, code, sub, sup
            mark twice | [{'type': 'paragraph', 'content': [{'text': 'x', 'marks': ['em', 'em']}]}] | body[0].content[0].marks[1] | "em" is listed twice
            marks not a list | [{'type': 'paragraph', 'content': [{'text': 'x', 'marks': 'em'}]}] | body[0].content[0].marks | must be a list of marks
            empty span | [{'type': 'paragraph', 'content': [{'text': 'x'}, {'text': ''}]}] | body[0].content[1].text | a span's text is not empty
            line break in a span | [{'type': 'paragraph', 'content': [{'text': 'x\\ny'}]}] | body[0].content[0].text | end the span there and add {"break": true}
            control character in a span | [{'type': 'paragraph', 'content': [{'text': 'x\\u0007'}]}] | body[0].content[0].text | control characters
            break with text | [{'type': 'paragraph', 'content': [{'text': 'x'}, {'break': true, 'text': 'y'}]}] | body[0].content[1] | exactly {"break": true}
            break false | [{'type': 'paragraph', 'content': [{'text': 'x'}, {'break': false}]}] | body[0].content[1] | exactly {"break": true}
            span not an object | [{'type': 'paragraph', 'content': ['x']}] | body[0].content[0] | must be a span
            unknown span field | [{'type': 'paragraph', 'content': [{'text': 'x', 'style': 'bold'}]}] | body[0].content[0].style | is not a field of body[0].content[0]
            content not a list | [{'type': 'paragraph', 'content': 'x'}] | body[0].content | must be a list of spans
            content of nothing | [{'type': 'paragraph', 'content': [{'break': true}]}] | body[0].content | at least one span with text
            text not text | [{'type': 'paragraph', 'text': 3}] | body[0].text | must be text
            heading level 5 | [{'type': 'heading', 'level': 5, 'text': 'x'}] | body[0].level | must be 2, 3 or 4
            heading level 1 | [{'type': 'heading', 'level': 1, 'text': 'x'}] | body[0].level | must be 2, 3 or 4
            heading level text | [{'type': 'heading', 'level': '2', 'text': 'x'}] | body[0].level | must be 2, 3 or 4
            quote cite javascript | [{'type': 'quote', 'text': 'x', 'cite': 'javascript:alert(1)'}] | body[0].cite | must be the source's absolute http: or https: URL
            quote cite mailto | [{'type': 'quote', 'text': 'x', 'cite': 'mailto:a@b.example'}] | body[0].cite | must be the source's absolute http: or https: URL
            quote unknown field | [{'type': 'quote', 'text': 'x', 'source': 'y'}] | body[0].source | is not a field
            list without items | [{'type': 'list', 'items': []}] | body[0].items | is required: a list of items
            list ordered not boolean | [{'type': 'list', 'ordered': 'yes', 'items': ['x']}] | body[0].ordered | must be true or false
            list item a number | [{'type': 'list', 'items': [3]}] | body[0].items[0] | must be the item's text
            list item empty | [{'type': 'list', 'items': ['x', '  ']}] | body[0].items[1] | is required
            list nested five deep | [{'type': 'list', 'items': [{'text': '1', 'list': {'items': [{'text': '2', 'list': {'items': [{'text': '3', 'list': {'items': [{'text': '4', 'list': {'items': ['5']}}]}}]}}]}}]}] | body[0].items[0].list.items[0].list.items[0].list.items[0].list | lists nest at most 4 levels deep
            nested list not an object | [{'type': 'list', 'items': [{'text': '1', 'list': ['2']}]}] | body[0].items[0].list | must be a list: {"ordered"
            nested list unknown field | [{'type': 'list', 'items': [{'text': '1', 'list': {'items': ['2'], 'start': 3}}]}] | body[0].items[0].list.start | is not a field
            code without text | [{'type': 'code', 'language': 'js'}] | body[0].text | is required
            code language | [{'type': 'code', 'text': 'x', 'language': 'C Sharp'}] | body[0].language | must be 1 to 30 of a-z, 0-9, +, #, . and -
            code control character | [{'type': 'code', 'text': 'x\\u0000'}] | body[0].text | control characters
            code content | [{'type': 'code', 'text': 'x', 'content': [{'text': 'x'}]}] | body[0].content | is not a field
            table without rows | [{'type': 'table', 'header': ['a']}] | body[0].rows | is required: a list of rows
            table empty row | [{'type': 'table', 'rows': [['a'], []]}] | body[0].rows[1] | must be a list of cells
            table row not a list | [{'type': 'table', 'rows': ['a']}] | body[0].rows[0] | must be a list of cells
            table cell a number | [{'type': 'table', 'rows': [['a', 1]]}] | body[0].rows[0][1] | must be the cell's text
            table header cell link | [{'type': 'table', 'header': [{'content': [{'text': 'a', 'href': 'ftp://x.example/'}]}], 'rows': [['a']]}] | body[0].header[0].content[0].href | must be an absolute http:, https: or mailto: URL
            image without image | [{'type': 'image'}] | body[0].image | is required for an image block
            gallery of one | [{'type': 'gallery', 'images': [{'file': 'a.png', 'alt': 'A'}]}] | body[0].images | at least 2 images
            gallery image without alt | [{'type': 'gallery', 'images': [{'file': 'a.png', 'alt': 'A'}, {'file': 'b.png'}]}] | body[0].images[1].alt | is required
            embed unknown provider | [{'type': 'embed', 'provider': 'myspace', 'url': 'https://myspace.com/x'}] | body[0].provider | must be one of youtube, vimeo, x, instagram, facebook, tiktok, soundcloud, spotify, bluesky, flickr
            embed another host | [{'type': 'embed', 'provider': 'youtube', 'url': 'https://evil.example/watch?v=x'}] | body[0].url | must be an https: URL of youtube (on m.youtube.com, www.youtube.com, youtu.be, youtube-nocookie.com, youtube.com)
            embed http | [{'type': 'embed', 'provider': 'vimeo', 'url': 'http://vimeo.com/1'}] | body[0].url | must be an https: URL of vimeo
            embed host of another provider | [{'type': 'embed', 'provider': 'x', 'url': 'https://www.youtube.com/watch?v=x'}] | body[0].url | must be an https: URL of x (on mobile.twitter.com, twitter.com, x.com)
            embed host lookalike | [{'type': 'embed', 'provider': 'youtube', 'url': 'https://youtube.com.evil.example/x'}] | body[0].url | must be an https: URL of youtube
            embed user name | [{'type': 'embed', 'provider': 'youtube', 'url': 'https://youtube.com@evil.example/x'}] | body[0].url | must be an https: URL of youtube
            embed port | [{'type': 'embed', 'provider': 'youtube', 'url': 'https://youtube.com:8443/x'}] | body[0].url | must be an https: URL of youtube
            embed without url | [{'type': 'embed', 'provider': 'youtube'}] | body[0].url | is required
            separator with a field | [{'type': 'separator', 'style': 'dots'}] | body[0].style | is not a field
            unknown type | [{'type': 'video', 'url': 'x'}] | body[0].type | must be one of paragraph, heading, quote, list, code, table, image, gallery, embed, separator, got "video"
            """)
    void refusesWithThePathAndTheRule(String rule, String body, String field, String message) {
        ValidationError error = refusal(body);
        assertEquals(field, error.field(), rule + ": " + error);
        assertTrue(error.message().contains(message), rule + ": " + error);
    }

    @Test
    void refusesTooManySpansItemsRowsAndCells() throws Exception {
        ObjectNode paragraph = Json.MAPPER.createObjectNode().put("type", "paragraph");
        ArrayNode spans = paragraph.putArray("content");
        ObjectNode list = Json.MAPPER.createObjectNode().put("type", "list");
        ArrayNode items = list.putArray("items");
        ObjectNode table = Json.MAPPER.createObjectNode().put("type", "table");
        ArrayNode rows = table.putArray("rows");
        ArrayNode wide = rows.addArray();
        for (int i = 0; i <= 1_000; i++) {
            spans.addObject().put("text", "x").putArray("marks").add(i % 2 == 0 ? "em" : "strong");
            items.add("item");
            rows.addArray().add("cell");
            if (i <= BodyReader.MAX_TABLE_COLUMNS) {
                wide.add("cell");
            }
        }
        JsonNode json = Json.MAPPER.createObjectNode().put("slug", "a").put("headline", "A").set("body",
                Json.MAPPER.createArrayNode().add(paragraph).add(list).add(table));

        InvalidArticleException e = assertThrows(InvalidArticleException.class,
                () -> ArticleReader.read(json, ImageFiles.inMemory(Map.of())));

        assertEquals(List.of("body[0].content: has 1001 spans; at most 1000", "body[1].items: has 1001 items; at most 1000",
                "body[2].rows: has 1002 rows; at most 1000", "body[2].rows[0]: has 51 cells; at most 50"),
                e.errors().stream().map(ValidationError::toString).toList());
    }
}
