package dev.broadsheet.comments.handler;

import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.challenge.ProofOfWork;
import dev.broadsheet.comments.service.CommentService;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChallengeFormTest {

    @Test
    void everyValueIsEscaped() {
        String html = ChallengeForm.render("a-slug", "https://x.example/?a=1&b=\"><script>",
                new CommentService.Issued(new Challenges.Challenge("<pw>", "tok\"en", Instant.parse("2026-01-01T00:00:00Z")), null), null);

        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<pw>"), html);
        assertTrue(html.contains("&lt;pw&gt;"), html);
        assertTrue(html.contains("value=\"tok&quot;en\""), html);
        assertTrue(html.contains("href=\"https://x.example/?a=1&amp;b=&quot;&gt;&lt;script&gt;\""), html);
    }

    @Test
    void withTheProofOfWorkOnThePageSaysThatCommentingNeedsJavaScript() {
        Challenges.Challenge password = new Challenges.Challenge("abc2345", "t.s", Instant.parse("2026-01-01T00:00:00Z"));
        ProofOfWork.Challenge altcha = new ProofOfWork.Challenge("SHA-256", "ab".repeat(32), 80_000,
                "0f".repeat(16) + "?expires=1772359800&", "cd".repeat(32));
        assertFalse(ChallengeForm.render("a-slug", "https://x.example/", new CommentService.Issued(password, null), null)
                .contains("needs-javascript"));
        String html = ChallengeForm.render("a-slug", "https://x.example/", new CommentService.Issued(password, altcha), null);
        assertTrue(html.contains("id=\"needs-javascript\""), html);
        assertTrue(html.contains("with JavaScript off the comment will be refused"), html);
    }

    @Test
    void browsersNavigatingGetHtmlAndScriptsGetJson() {
        assertTrue(CreateChallengeHandler.wantsHtml("text/html,application/xhtml+xml,*/*;q=0.8"));
        assertFalse(CreateChallengeHandler.wantsHtml("*/*"));
        assertFalse(CreateChallengeHandler.wantsHtml("application/json, text/html"));
        assertFalse(CreateChallengeHandler.wantsHtml(null));
    }
}
