package dev.broadsheet.editor.terminal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalTextTest {

    @Test
    void anExcerptIsOneLineOfTextWithoutTagsWithEntitiesDecoded() {
        assertEquals("Read this & that <now> — \"quoted\" it's",
                TerminalText.excerpt("Read <a href=\"https://x.example\" rel=\"nofollow ugc\">this</a> &amp; that &lt;now&gt; &#8212; "
                        + "&#34;quoted&#34; it&#x27;s", 100));
        assertEquals("line one line two", TerminalText.excerpt("line one<br />\n\nline   two", 100));
    }

    @Test
    void controlCharactersNeverReachTheTerminal() {
        assertEquals("evil [2J name", TerminalText.clip("evil\u001b[2J\u0007 name", 100));
        assertEquals("x [31m y", TerminalText.excerpt("x &#27;[31m &#x9b;y", 100));
        assertEquals("a b", TerminalText.clip("a\u202eb", 100), "no bidirectional override either");
        assertEquals("👨\u200D👩\u200D👧", TerminalText.oneLine("👨\u200D👩\u200D👧"), "an emoji keeps its joiners");
    }

    @Test
    void longTextIsClippedInDisplayColumnsWithAnEllipsis() {
        assertEquals("abcd…", TerminalText.clip("abcdefgh", 5));
        assertEquals("abcde", TerminalText.clip("abcde", 5));
        assertEquals("山田…", TerminalText.clip("山田太郎", 5));
        assertEquals("-", TerminalText.clip(null, 5));
    }
}
