package dev.broadsheet.comments.html;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exact output of the policy for every allowed tag and attribute, and for what it removes. */
class CommentHtmlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`<a href=\"https://example.com/x?a=1&b=2\" title=\"T\">link</a>` | `<a href=\"https://example.com/x?a&#61;1&amp;b&#61;2\" title=\"T\" rel=\"nofollow ugc\">link</a>`",
            "`<a href=\"mailto:jane@example.com\">mail</a>` | `<a href=\"mailto:jane&#64;example.com\" rel=\"nofollow ugc\">mail</a>`",
            "`<a href=\"javascript:alert(1)\">x</a>` | `x`",
            "`<a href=\"/relative\">x</a>` | `x`",
            "`<a href=\"https://e.com\" onclick=\"evil()\" rel=\"follow\">x</a>` | `<a href=\"https://e.com\" rel=\"nofollow ugc\">x</a>`",
            "`<abbr title=\"World Health Organization\">WHO</abbr>` | `<abbr title=\"World Health Organization\">WHO</abbr>`",
            "`<acronym title=\"NATO\">NATO</acronym>` | `<acronym title=\"NATO\">NATO</acronym>`",
            "`<b>b</b> <i>i</i> <em>em</em> <strong>s</strong> <cite>c</cite> <code>x()</code> <strike>old</strike>` | `<b>b</b> <i>i</i> <em>em</em> <strong>s</strong> <cite>c</cite> <code>x()</code> <strike>old</strike>`",
            "`<blockquote cite=\"https://example.com/q\">quoted</blockquote>` | `<blockquote cite=\"https://example.com/q\">quoted</blockquote>`",
            "`<blockquote cite=\"javascript:alert(1)\">quoted</blockquote>` | `<blockquote>quoted</blockquote>`",
            "`<q cite=\"http://example.com\">q</q>` | `<q cite=\"http://example.com\">q</q>`",
            "`<del datetime=\"2016-09-13T08:00:00Z\">gone</del>` | `<del datetime=\"2016-09-13T08:00:00Z\">gone</del>`",
            "`<del datetime=\"yesterday\">gone</del>` | `<del>gone</del>`",
            "`<s>struck</s>` | `struck`",
            "`<script>alert(1)</script>after` | `after`",
            "`<img src=x onerror=alert(1)>text` | `text`",
            "`<b style=\"color:red\" title=\"t\">b</b>` | `<b>b</b>`",
            "`Fish &amp; chips &lt;3 & 5 > 4` | `Fish &amp; chips &lt;3 &amp; 5 &gt; 4`",
            "`<b><i>nested</i></b>` | `<b><i>nested</i></b>`",
            "`<b><i>unclosed` | `<b><i>unclosed</i></b>`",
            "`<p>para</p><div>div</div>` | `paradiv`",
            "`line one\r\nline two\n\nnew paragraph` | `line one\nline two\n\nnew paragraph`",
    })
    void sanitizesExactly(String input, String expected) {
        assertEquals(expected.replace("\\n", "\n"), CommentHtml.sanitize(input.replace("\\r", "\r").replace("\\n", "\n")));
    }
}
