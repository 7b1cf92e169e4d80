package dev.broadsheet.comments.service;

import dev.broadsheet.comments.html.CommentHtml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * The pure hot path of {@code POST /articles/{slug}/comments} between parsing and the database:
 * the field rules (lengths, email, website), the moderation rules (links, words) and the HTML
 * sanitizer, for a typical comment and for one of 64 KiB, the most the form accepts. In this
 * package because the rules are the service's own.
 */
@State(Scope.Benchmark)
public class CommentRulesBenchmark {

    private static final String TYPICAL = "Thanks for this piece. The <b>ceasefire</b> terms look fragile to me; see "
            + "<a href=\"https://example.com/analysis\" title=\"analysis\">this analysis</a>. "
            + "<blockquote cite=\"https://example.com/\">We have agreed on the areas</blockquote> is doing a lot of work here. "
            + "<em>Who</em> verifies the humanitarian access? <img src=x onerror=alert(1)> <script>alert(2)</script>";

    @Param({"typical", "64KiB"})
    public String size;

    private final ModerationRules rules = new ModerationRules(ModerationRules.Mode.FIRST_TIME,
            List.of("casino", "viagra"), List.of("spamword"));
    private String content;

    @Setup
    public void build() {
        if (size.equals("typical")) {
            content = TYPICAL;
            return;
        }
        StringBuilder big = new StringBuilder();
        while (big.length() + TYPICAL.length() < 64 * 1024) {
            big.append(TYPICAL).append('\n');
        }
        content = big.toString();
        if (content.length() > SubmissionRules.MAX_CONTENT) {
            throw new IllegalStateException("longer than the form accepts: " + content.length());
        }
    }

    /** The field rules and the moderation decision, as the service applies them. */
    @Benchmark
    public ModerationRules.Decision validate() {
        if (content.length() > SubmissionRules.MAX_CONTENT || !SubmissionRules.isEmail("reader@example.com")
                || !SubmissionRules.isWebUrl("https://reader.example.com/")) {
            throw new IllegalStateException("a valid comment was refused");
        }
        return rules.decide("A reader", "reader@example.com", "https://reader.example.com/", content, () -> true);
    }

    /** The HTML policy: the allowed tags kept, links given rel="nofollow ugc", the rest removed. */
    @Benchmark
    public String sanitize() {
        return CommentHtml.sanitize(content);
    }
}
