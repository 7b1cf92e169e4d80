package dev.broadsheet.comments.html;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one HTML policy of comments: exactly the tags and attributes the comment form lists
 * ({@link #ALLOWED_TAGS}, also served with every challenge), URLs http/https/mailto only, links
 * {@code rel="nofollow ugc"}. Everything else is removed, its text kept.
 *
 * <p>Line breaks: the reader's newlines are kept as newline characters in {@code contentHtml}
 * (no {@code <p>}/{@code <br>} is added, so the allowed list stays exact); frontends show them
 * with CSS {@code white-space: pre-line} (see the README).
 */
public final class CommentHtml {

    /** What the page prints after "You may use these HTML tags and attributes". */
    public static final List<String> ALLOWED_TAGS = List.of(
            "<a href=\"\" title=\"\">", "<abbr title=\"\">", "<acronym title=\"\">", "<b>", "<blockquote cite=\"\">",
            "<cite>", "<code>", "<del datetime=\"\">", "<em>", "<i>", "<q cite=\"\">", "<strike>", "<strong>");

    /** An ISO 8601 date, optionally with a time and zone: what {@code <del datetime>} may hold. */
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");

    private static final Pattern SAFE_URL = Pattern.compile("(?i)(?:https?://|mailto:)[^\\s]*");

    private static final PolicyFactory POLICY = policy();
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(\\d{1,7});");

    private CommentHtml() {
    }

    /**
     * The text a reader sees of sanitized HTML: tags dropped, the entities the sanitizer writes
     * decoded (numeric ones, {@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;}, {@code &nbsp;}).
     * For mails, which show a comment as text (and encode it again in their HTML part).
     */
    public static String toText(String sanitizedHtml) {
        Matcher entities = NUMERIC_ENTITY.matcher(TAG.matcher(sanitizedHtml).replaceAll(""));
        StringBuilder text = new StringBuilder();
        while (entities.find()) {
            int codePoint = Integer.parseInt(entities.group(1));
            entities.appendReplacement(text, Character.isValidCodePoint(codePoint)
                    ? Matcher.quoteReplacement(new String(Character.toChars(codePoint))) : "?");
        }
        entities.appendTail(text);
        return text.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** The elements of {@link #ALLOWED_TAGS}, as the policy allows them. */
    public static List<String> allowedElements() {
        return ALLOWED_TAGS.stream().map(tag -> tag.substring(1).split("[ >]")[0]).toList();
    }

    public static String sanitize(String content) {
        return POLICY.sanitize(content.replace("\r\n", "\n").replace('\r', '\n'));
    }

    /**
     * Whether sanitized HTML shows nothing: no text but whitespace, invisible (format) or control
     * characters once the tags are gone — markup that sanitizes to nothing is not a comment.
     */
    public static boolean isEmpty(String sanitizedHtml) {
        return toText(sanitizedHtml).codePoints().allMatch(codePoint -> Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint) || Character.getType(codePoint) == Character.FORMAT
                || Character.getType(codePoint) == Character.CONTROL);
    }

    private static PolicyFactory policy() {
        return new HtmlPolicyBuilder()
                .allowElements(allowedElements().toArray(String[]::new))
                .allowUrlProtocols("http", "https", "mailto")
                .allowAttributes("href").matching(CommentHtml::isSafeUrl).onElements("a")
                .allowAttributes("title").onElements("a", "abbr", "acronym")
                .allowAttributes("cite").matching(CommentHtml::isSafeUrl).onElements("blockquote", "q")
                .allowAttributes("datetime").matching(DATETIME).onElements("del")
                .requireRelsOnLinks("nofollow", "ugc")
                .toFactory();
    }

    /** Absolute http/https/mailto URLs only: no relative links into the site, no other scheme. */
    private static boolean isSafeUrl(String value) {
        return SAFE_URL.matcher(value.strip().toLowerCase(Locale.ROOT)).matches();
    }
}
