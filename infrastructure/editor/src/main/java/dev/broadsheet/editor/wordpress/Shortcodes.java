package dev.broadsheet.editor.wordpress;

import org.jsoup.nodes.Entities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress shortcodes in post content, before it is parsed as HTML: {@code [caption]},
 * {@code [gallery]} and {@code [embed]} become the HTML WordPress renders for them (a figure the
 * converter reads like the block editor's); every other shortcode stays in the text as written,
 * and is named so the report can list it. {@code [[gallery]]} is WordPress's escape for the
 * literal text {@code [gallery]}.
 */
final class Shortcodes {

    /** The class of the figure a {@code [caption]} becomes; its caption is in {@code data-caption} or its text. */
    static final String CAPTION_CLASS = "broadsheet-caption";
    /** The class of the figure a {@code [gallery]} becomes: {@code data-ids} (attachment ids) or {@code data-post} (its attachments). */
    static final String GALLERY_CLASS = "broadsheet-gallery";

    private static final Pattern KNOWN = Pattern.compile(
            "\\[(\\[?)(caption|wp_caption|gallery|embed)(?![\\w-])([^\\]]*?)(?:/\\]|\\](?:((?s:.*?))\\[/\\2\\])?)(\\]?)");
    private static final Pattern ANY = Pattern.compile("(?<!\\[)\\[([A-Za-z][\\w-]*)(?:\\s[^\\]\\n]*)?/?\\]");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([\\w-]+)\\s*=\\s*\"([^\"]*)\"|([\\w-]+)\\s*=\\s*'([^']*)'|([\\w-]+)\\s*=\\s*([^\\s'\"]+)");
    private static final Set<String> HANDLED = Set.of("caption", "wp_caption", "gallery", "embed");

    private Shortcodes() {
    }

    /** The content with the known shortcodes replaced, and the names of the others found (kept as text). */
    record Expanded(String html, Set<String> unknown) {
    }

    static Expanded expand(String content, long postId) {
        Matcher matcher = KNOWN.matcher(content);
        StringBuilder html = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (!matcher.group(1).isEmpty() && !matcher.group(5).isEmpty()) {
                // [[gallery]]: the text "[gallery]".
                replacement = matcher.group().substring(1, matcher.group().length() - 1);
            } else {
                String prefix = matcher.group(1);
                String suffix = matcher.group(5);
                Map<String, String> attributes = attributes(matcher.group(3));
                String inner = matcher.group(4) == null ? "" : matcher.group(4);
                replacement = prefix + switch (matcher.group(2)) {
                    case "gallery" -> galleryHtml(attributes, postId);
                    case "embed" -> "<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">"
                            + Entities.escape(inner.strip()) + "</div></figure>";
                    default -> "<figure class=\"" + CAPTION_CLASS + "\"" + (attributes.containsKey("caption")
                            ? " data-caption=\"" + Entities.escape(attributes.get("caption")) + "\"" : "") + ">" + inner + "</figure>";
                } + suffix;
            }
            matcher.appendReplacement(html, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(html);
        Set<String> unknown = new TreeSet<>();
        Matcher any = ANY.matcher(html);
        while (any.find()) {
            if (!HANDLED.contains(any.group(1))) {
                unknown.add(any.group(1));
            }
        }
        return new Expanded(html.toString(), unknown);
    }

    private static String galleryHtml(Map<String, String> attributes, long postId) {
        String ids = attributes.getOrDefault("ids", attributes.get("include"));
        if (ids != null && !ids.isBlank()) {
            return "<figure class=\"" + GALLERY_CLASS + "\" data-ids=\"" + Entities.escape(ids) + "\"></figure>";
        }
        long post = postId;
        try {
            post = attributes.containsKey("id") ? Long.parseLong(attributes.get("id").strip()) : postId;
        } catch (NumberFormatException e) {
            // Not an id: the post's own attachments, as WordPress shows.
        }
        return "<figure class=\"" + GALLERY_CLASS + "\" data-post=\"" + post + "\"></figure>";
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(text == null ? "" : text);
        while (matcher.find()) {
            for (int group : List.of(1, 3, 5)) {
                if (matcher.group(group) != null) {
                    attributes.put(matcher.group(group).toLowerCase(java.util.Locale.ROOT), matcher.group(group + 1));
                }
            }
        }
        return attributes;
    }
}
