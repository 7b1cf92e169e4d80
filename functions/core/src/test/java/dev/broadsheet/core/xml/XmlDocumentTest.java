package dev.broadsheet.core.xml;

import dev.broadsheet.core.HtmlText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XmlDocumentTest {

    @Test
    void textAndAttributesAreEscapedAndCharactersXmlCannotHoldAreDropped() {
        String xml = new XmlDocument("root", Map.of("", "urn:x", "b", "urn:b", "a", "urn:a"))
                .start("a:item").attribute("title", "\"q\" & <t>\u0000").text("1 < 2 && ]]> \u0008\uFFFE 😀 \uD800x").end()
                .finish();

        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><root xmlns=\"urn:x\" xmlns:a=\"urn:a\" xmlns:b=\"urn:b\">"
                + "<a:item title=\"&quot;q&quot; &amp; &lt;t&gt;\">1 &lt; 2 &amp;&amp; ]]&gt;  😀 x</a:item></root>", xml);
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String text = "Plain text, tabs\tand lines\n, 東京 and 😀";
        assertSame(text, XmlDocument.clean(text));
    }

    @Test
    void rssDatesAreRfc822InGmt() {
        assertEquals("Tue, 13 Sep 2016 08:00:00 GMT", Rss.date(Instant.parse("2016-09-13T08:00:00Z")));
        assertTrue(Rss.channel("T", "https://x.example/", "D", "en", "https://api.example/feed", null).finish()
                .contains("<atom:link href=\"https://api.example/feed\" rel=\"self\" type=\"application/rss+xml\">"));
    }

    @Test
    void htmlTextEscapesTheFiveCharacters() {
        assertEquals("&lt;&amp;&gt;&quot;&#39;", HtmlText.escape("<&>\"'"));
    }
}
