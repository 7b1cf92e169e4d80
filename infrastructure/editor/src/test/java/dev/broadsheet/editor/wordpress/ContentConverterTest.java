package dev.broadsheet.editor.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.broadsheet.core.Json;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each construct of WordPress content, converted to the body's blocks (BODY-SPEC), and each loss reported. */
class ContentConverterTest {

    private static final String SITE = "https://news.example.org/2016/09/13/harbour/";
    /** Files "in --uploads": photo.jpg (whose resized copies WordPress linked), a.jpg, b.jpg. */
    private static final Set<String> FILES = Set.of("2016/09/photo.jpg", "2016/09/a.jpg", "2016/09/b.jpg");

    private final Attachments attachments = new Attachments();

    private ContentConverter.Converted convert(String content) {
        return ContentConverter.convert(content, SITE, (src, attachment) -> {
            String path = Uploads.relativePath(src).orElse(attachment == null ? null : attachment.attachedFile());
            if (path == null) {
                return new ContentConverter.Media.Found(null, "not under /uploads/");
            }
            String original = path.replaceFirst("-\\d+x\\d+(\\.\\w+)$", "$1");
            return FILES.contains(original) ? new ContentConverter.Media.Found(original, null)
                    : new ContentConverter.Media.Found(null, "no file " + path);
        }, attachments, 7);
    }

    private static void assertBody(String expectedJson, ContentConverter.Converted converted) {
        ArrayNode body = Json.MAPPER.createArrayNode();
        converted.blocks().forEach(body::add);
        JsonNode expected;
        try {
            expected = Json.MAPPER.readTree(expectedJson.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(expected, body, () -> "got " + body.toPrettyString());
    }

    @Test
    void classicContentMakesParagraphsOfBlankLinesAndBreaksOfNewlines() {
        ContentConverter.Converted converted = convert("First line\nsecond line\n\n\nSecond paragraph.\n");
        assertBody("[{'type':'paragraph','content':[{'text':'First line'},{'break':true},{'text':'second line'}]},"
                + "{'type':'paragraph','text':'Second paragraph.'}]", converted);
        assertEquals(java.util.List.of(), converted.losses());
    }

    @Test
    void inlineMarksAndLinksResolvedAgainstThePost() {
        assertBody("[{'type':'paragraph','content':[{'text':'Said '},{'text':'the BBC','href':'https://www.bbc.co.uk/news'},"
                + "{'text':', '},{'text':'bold','marks':['strong']},{'text':' '},{'text':'both','marks':['strong','em']},"
                + "{'text':' H'},{'text':'2','marks':['sub']},{'text':'O x'},{'text':'2','marks':['sup']},{'text':' '},"
                + "{'text':'printf','marks':['code']},{'text':' '},{'text':'about','href':'https://news.example.org/about/'},"
                + "{'text':' '},{'text':'section','href':'https://news.example.org/2016/09/13/harbour/#more'},{'text':' '},"
                + "{'text':'mail','href':'mailto:desk@example.org'}]}]",
                convert("<p>Said <a href=\"https://www.bbc.co.uk/news\">the BBC</a>, <b>bold</b> <strong><em>both</em></strong>"
                        + " H<sub>2</sub>O x<sup>2</sup> <code>printf</code> <a href=\"/about/\">about</a>"
                        + " <a href=\"#more\">section</a> <a href=\"mailto:desk@example.org\">mail</a></p>"));
    }

    @Test
    void unsafeLinksKeepTheirTextAndAreReported() {
        ContentConverter.Converted converted = convert("<p><a href=\"javascript:alert(1)\">click</a> here</p>");
        assertBody("[{'type':'paragraph','text':'click here'}]", converted);
        assertTrue(converted.losses().get(0).contains("javascript:alert(1)"), converted.losses().toString());
    }

    @Test
    void formattingWithoutAMarkIsKeptAsTextAndReported() {
        ContentConverter.Converted converted = convert("<p><u>under</u> and <del>gone</del></p>");
        assertBody("[{'type':'paragraph','text':'under and gone'}]", converted);
        assertEquals(java.util.List.of("formatting kept as plain text: <del>, <u>"), converted.losses());
    }

    @Test
    void gutenbergHeadingListQuoteCodeSeparatorAndTable() {
        ContentConverter.Converted converted = convert("""
                <!-- wp:heading {"level":3} -->
                <h3 class="wp-block-heading">Results</h3>
                <!-- /wp:heading -->

                <!-- wp:list {"ordered":true} -->
                <ol><li>One <em>first</em><ul><li>Nested</li></ul></li><li>Two</li></ol>
                <!-- /wp:list -->

                <!-- wp:quote -->
                <blockquote class="wp-block-quote" cite="https://example.com/speech"><p>We will rebuild.</p><p>Soon.</p><cite>The Mayor</cite></blockquote>
                <!-- /wp:quote -->

                <!-- wp:code -->
                <pre class="wp-block-code"><code class="language-python">def f():
                \treturn 1 &lt; 2</code></pre>
                <!-- /wp:code -->

                <!-- wp:preformatted -->
                <pre class="wp-block-preformatted">  kept   as is</pre>
                <!-- /wp:preformatted -->

                <!-- wp:separator -->
                <hr class="wp-block-separator has-alpha-channel-opacity"/>
                <!-- /wp:separator -->

                <!-- wp:table -->
                <figure class="wp-block-table"><table><thead><tr><th>Team</th><th>Points</th></tr></thead><tbody><tr><td><strong>Harbour FC</strong></td><td>12</td></tr></tbody></table><figcaption class="wp-element-caption">League table</figcaption></figure>
                <!-- /wp:table -->
                """);
        assertBody("[{'type':'heading','text':'Results','level':3},"
                + "{'type':'list','ordered':true,'items':[{'content':[{'text':'One '},{'text':'first','marks':['em']}],"
                + "'list':{'ordered':false,'items':[{'text':'Nested'}]}},{'text':'Two'}]},"
                + "{'type':'quote','content':[{'text':'We will rebuild.'},{'break':true},{'text':'Soon.'}],"
                + "'attribution':'The Mayor','cite':'https://example.com/speech'},"
                + "{'type':'code','text':'def f():\\n\\treturn 1 < 2','language':'python'},"
                + "{'type':'code','text':'  kept   as is'},"
                + "{'type':'separator'},"
                + "{'type':'table','caption':'League table','header':['Team','Points'],"
                + "'rows':[[{'content':[{'text':'Harbour FC','marks':['strong']}]},'12']]}]", converted);
        assertEquals(java.util.List.of(), converted.losses());
    }

    @Test
    void imagesFromUploadsWithTheOriginalOfAResizedCopyAndMissingOnesListed() {
        ContentConverter.Converted converted = convert("""
                <!-- wp:image {"id":12,"sizeSlug":"medium"} -->
                <figure class="wp-block-image size-medium"><img src="https://news.example.org/wp-content/uploads/2016/09/photo-300x200.jpg" alt="The harbour" class="wp-image-12"/><figcaption class="wp-element-caption">At dawn</figcaption></figure>
                <!-- /wp:image -->

                <!-- wp:image -->
                <figure class="wp-block-image"><img src="https://news.example.org/wp-content/uploads/2016/09/gone.jpg" alt=""/></figure>
                <!-- /wp:image -->

                <!-- wp:image -->
                <figure class="wp-block-image"><img src="https://cdn.other.example/x.png" alt="elsewhere"/></figure>
                <!-- /wp:image -->
                """);
        assertBody("[{'type':'image','image':{'file':'2016/09/photo.jpg','alt':'The harbour','caption':'At dawn'}}]", converted);
        assertEquals(2, converted.missingImages().size(), converted.missingImages().toString());
        assertTrue(converted.missingImages().get(0).contains("gone.jpg"));
        assertTrue(converted.missingImages().get(1).contains("cdn.other.example"));
    }

    @Test
    void galleriesOfBothBlockFormatsAndTheShortcode() {
        attachments.add(attachment(21, "2016/09/a.jpg", "Alt A", "Caption A"));
        attachments.add(attachment(22, "2016/09/b.jpg", "", ""));
        String expected = "{'type':'gallery','images':[{'file':'2016/09/a.jpg','alt':'Alt A','caption':'Caption A'},"
                + "{'file':'2016/09/b.jpg','alt':'Attachment 22'}]}";
        assertBody("[" + expected + "]", convert("[gallery ids=\"21,22\"]"));
        assertBody("[{'type':'gallery','images':[{'file':'2016/09/a.jpg','alt':'one'},{'file':'2016/09/b.jpg','alt':'two',"
                + "'caption':'B'}],'caption':'Both'}]", convert("""
                <!-- wp:gallery {"linkTo":"none"} -->
                <figure class="wp-block-gallery has-nested-images columns-default">
                <!-- wp:image {"id":21} --><figure class="wp-block-image"><img src="https://news.example.org/wp-content/uploads/2016/09/a-1024x768.jpg" alt="one" class="wp-image-21"/></figure><!-- /wp:image -->
                <!-- wp:image {"id":22} --><figure class="wp-block-image"><img src="https://news.example.org/wp-content/uploads/2016/09/b.jpg" alt="two" class="wp-image-22"/><figcaption class="wp-element-caption">B</figcaption></figure><!-- /wp:image -->
                <figcaption class="blocks-gallery-caption wp-element-caption">Both</figcaption></figure>
                <!-- /wp:gallery -->
                """));
        assertBody("[{'type':'gallery','images':[{'file':'2016/09/a.jpg','alt':'one'},{'file':'2016/09/b.jpg','alt':'two'}]}]",
                convert("<figure class=\"wp-block-gallery columns-2\"><ul class=\"blocks-gallery-grid\">"
                        + "<li class=\"blocks-gallery-item\"><figure><img src=\"/wp-content/uploads/2016/09/a.jpg\" alt=\"one\"/></figure></li>"
                        + "<li class=\"blocks-gallery-item\"><figure><img src=\"/wp-content/uploads/2016/09/b.jpg\" alt=\"two\"/></figure></li>"
                        + "</ul></figure>"));
    }

    @Test
    void captionShortcodeBecomesACaptionedImage() {
        assertBody("[{'type':'paragraph','text':'Before.'},"
                + "{'type':'image','image':{'file':'2016/09/photo.jpg','alt':'Boats','caption':'Boats in the harbour'}},"
                + "{'type':'paragraph','text':'After.'}]",
                convert("Before.\n\n[caption id=\"attachment_12\" align=\"aligncenter\" width=\"300\"]<a href=\"https://news.example.org/?p=12\">"
                        + "<img class=\"size-medium wp-image-12\" src=\"https://news.example.org/wp-content/uploads/2016/09/photo-300x200.jpg\""
                        + " alt=\"Boats\" width=\"300\" height=\"200\" /></a> Boats in the harbour[/caption]\n\nAfter."));
    }

    @Test
    void embedsFromBlocksShortcodesBareUrlsAndIframes() {
        assertBody("[{'type':'embed','provider':'youtube','url':'https://www.youtube.com/watch?v=dQw4w9WgXcQ','caption':'The clip'}]",
                convert("<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\",\"type\":\"video\",\"providerNameSlug\":\"youtube\"} -->\n"
                        + "<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\">\n"
                        + "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div><figcaption class=\"wp-element-caption\">The clip</figcaption></figure>\n<!-- /wp:embed -->"));
        assertBody("[{'type':'embed','provider':'vimeo','url':'https://vimeo.com/76979871'}]", convert("[embed]http://vimeo.com/76979871[/embed]"));
        assertBody("[{'type':'paragraph','text':'Watch:'},{'type':'embed','provider':'x','url':'https://twitter.com/nasa/status/1'},"
                + "{'type':'paragraph','text':'Done.'}]", convert("Watch:\n\nhttps://twitter.com/nasa/status/1\n\nDone."));
        assertBody("[{'type':'embed','provider':'youtube','url':'https://www.youtube.com/embed/abc'}]",
                convert("<iframe width=\"560\" height=\"315\" src=\"//www.youtube.com/embed/abc\" frameborder=\"0\"></iframe>"));
        ContentConverter.Converted other = convert("[embed]https://www.reddit.com/r/x/comments/1/[/embed]");
        assertBody("[{'type':'paragraph','content':[{'text':'https://www.reddit.com/r/x/comments/1/',"
                + "'href':'https://www.reddit.com/r/x/comments/1/'}]}]", other);
        assertTrue(other.losses().get(0).contains("not a known embed provider"), other.losses().toString());
    }

    @Test
    void unknownShortcodesStayAsTextAndAreReported() {
        ContentConverter.Converted converted = convert("Write to us: [contact-form-7 id=\"4\" title=\"Contact\"]");
        assertEquals("Write to us: [contact-form-7 id=\"4\" title=\"Contact\"]", converted.blocks().get(0).get("text").asText());
        assertEquals(java.util.List.of("shortcode [contact-form-7] kept as text (no equivalent)"), converted.losses());
        assertBody("[{'type':'paragraph','text':'Use [gallery] to show images.'}]", convert("Use [[gallery]] to show images."));
    }

    @Test
    void scriptsAndDynamicBlocksAreLeftOutAndReported() {
        ContentConverter.Converted converted = convert("""
                <!-- wp:html -->
                <div class="widget"><p>Kept text</p><script>track()</script></div>
                <!-- /wp:html -->

                <!-- wp:latest-posts {"postsToShow":3} /-->

                <!-- wp:more -->
                <!--more-->
                <!-- /wp:more -->
                """);
        assertBody("[{'type':'paragraph','text':'Kept text'}]", converted);
        assertEquals(2, converted.losses().size(), converted.losses().toString());
        assertTrue(converted.losses().get(0).contains("<script>"));
        assertTrue(converted.losses().get(1).contains("wp:latest-posts"));
    }

    @Test
    void anImageInsideAParagraphSplitsIt() {
        assertBody("[{'type':'paragraph','text':'Look:'},{'type':'image','image':{'file':'2016/09/a.jpg','alt':'A'}},"
                + "{'type':'paragraph','text':'nice.'}]",
                convert("<p>Look: <img src=\"/wp-content/uploads/2016/09/a.jpg\" alt=\"A\"> nice.</p>"));
    }

    @Test
    void emptyParagraphsAndNonBreakingSpacesShowNothing() {
        assertBody("[{'type':'paragraph','text':'Text'}]", convert("<p>&nbsp;</p>\n<p>Text</p>\n<p> </p>"));
    }

    @Test
    void classicBlocksBetweenTextLinesEndTheParagraphs() {
        assertBody("[{'type':'paragraph','text':'Intro'},{'type':'list','ordered':false,'items':[{'text':'a'},"
                + "{'content':[{'text':'b'},{'break':true},{'text':'second paragraph of b'}]}]},{'type':'paragraph','text':'Outro'}]",
                convert("Intro\n<ul>\n<li>a</li>\n<li><p>b</p><p>second paragraph of b</p></li>\n</ul>\nOutro"));
    }

    @Test
    void listsDeeperThanFourLevelsAreKeptAtLevelFour() {
        ContentConverter.Converted converted = convert("<ul><li>1<ul><li>2<ul><li>3<ul><li>4<ul><li>5</li></ul></li></ul></li></ul></li></ul></li></ul>");
        JsonNode level4 = converted.blocks().get(0).at("/items/0/list/items/0/list/items/0/list");
        assertEquals("[{\"text\":\"4\"},{\"text\":\"5\"}]", level4.get("items").toString(), converted.blocks().toString());
        assertTrue(converted.losses().get(0).contains("deeper than 4 levels"), converted.losses().toString());
    }

    @Test
    void otherIframesAndVideosStayAsLinksToTheirSource() {
        ContentConverter.Converted converted = convert("<iframe src=\"https://maps.example.com/embed?q=harbour\"></iframe>"
                + "<video src=\"/wp-content/uploads/2016/09/clip.mp4\" controls></video>");
        assertBody("[{'type':'paragraph','content':[{'text':'https://maps.example.com/embed?q=harbour',"
                + "'href':'https://maps.example.com/embed?q=harbour'}]},{'type':'paragraph','content':[{'text':"
                + "'https://news.example.org/wp-content/uploads/2016/09/clip.mp4','href':'https://news.example.org/wp-content/uploads/2016/09/clip.mp4'}]}]",
                converted);
        assertEquals(2, converted.losses().size(), converted.losses().toString());
    }

    @Test
    void anImageInAHeadingFollowsIt() {
        assertBody("[{'type':'heading','text':'Title','level':2},{'type':'image','image':{'file':'2016/09/a.jpg','alt':'A'}}]",
                convert("<h2>Title <img src=\"/wp-content/uploads/2016/09/a.jpg\" alt=\"A\"></h2>"));
    }

    @Test
    void aProvidersEmbedCodeBecomesAnEmbed() {
        ContentConverter.Converted converted = convert("<blockquote class=\"twitter-tweet\"><p lang=\"en\">The harbour is open!</p>"
                + "&mdash; Harbour Gazette (@harbour) <a href=\"https://twitter.com/harbour/status/123?ref_src=twsrc\">Sep 13, 2016</a>"
                + "</blockquote><script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>");
        assertBody("[{'type':'embed','provider':'x','url':'https://twitter.com/harbour/status/123?ref_src=twsrc'}]", converted);
        assertEquals(java.util.List.of("<script> left out (no equivalent)"), converted.losses());
    }

    @Test
    void anOlderCoverBlocksBackgroundImageIsAnImage() {
        assertBody("[{'type':'image','image':{'file':'2016/09/a.jpg','alt':'a'}},{'type':'paragraph','text':'On the cover'}]",
                convert("<!-- wp:cover {\"url\":\"https://news.example.org/wp-content/uploads/2016/09/a.jpg\"} -->\n"
                        + "<div class=\"wp-block-cover has-background-dim\" style=\"background-image:url(https://news.example.org/"
                        + "wp-content/uploads/2016/09/a.jpg)\"><div class=\"wp-block-cover__inner-container\"><p>On the cover</p></div></div>\n"
                        + "<!-- /wp:cover -->"));
    }

    private static Wxr.Item attachment(long id, String file, String alt, String caption) {
        return new Wxr.Item("Attachment " + id, null, "editor", "", caption, id, null, null, null, "a" + id, "inherit", 7,
                "attachment", "", "https://news.example.org/wp-content/uploads/" + file, java.util.List.of(),
                alt.isEmpty() ? java.util.Map.of("_wp_attached_file", file)
                        : java.util.Map.of("_wp_attached_file", file, "_wp_attachment_image_alt", alt), java.util.List.of());
    }
}
