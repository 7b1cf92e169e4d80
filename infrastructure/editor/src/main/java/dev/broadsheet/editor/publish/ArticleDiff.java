package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.core.schema.Timestamps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of an article, field by field, as an editor writes it: what two versions of an
 * article differ in ({@code summary}, {@code body[2].text}, {@code heroImage.caption}, ...). Images
 * are named by their file's hash, so "another image" shows as a difference of {@code heroImage}.
 * Status, comments and counters are decisions and system fields, not content.
 */
public final class ArticleDiff {

    /** One field that differs; null on a side that does not have it. */
    public record Difference(String field, String theirs, String yours) {
    }

    private ArticleDiff() {
    }

    public static List<Difference> between(Article theirs, Article yours) {
        Map<String, String> a = fields(theirs);
        Map<String, String> b = fields(yours);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String name : names) {
            String x = a.get(name);
            String y = b.get(name);
            if (x == null ? y != null : !x.equals(y)) {
                differences.add(new Difference(name, x, y));
            }
        }
        return differences;
    }

    /** Whether the two have the same content (whatever their status, comments or counters). */
    public static boolean sameContent(Article a, Article b) {
        return fields(a).equals(fields(b));
    }

    static Map<String, String> fields(Article article) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "headline", article.headline());
        put(fields, "summary", article.summary());
        put(fields, "publishedAt", Timestamps.format(article.publishedAt()));
        put(fields, "tags", article.tags().isEmpty() ? null : String.join(", ", article.tags()));
        image(fields, "heroImage", article.heroImage());
        for (int i = 0; i < article.body().size(); i++) {
            Block block = article.body().get(i);
            String prefix = "body[" + i + "]";
            put(fields, prefix + ".type", block.type());
            put(fields, prefix + ".text", block.text());
            put(fields, prefix + ".attribution", block.attribution());
            image(fields, prefix + ".image", block.image());
        }
        return fields;
    }

    private static void image(Map<String, String> fields, String prefix, Image image) {
        if (image == null) {
            return;
        }
        String key = image.key();
        put(fields, prefix, "image " + key.substring(key.lastIndexOf('/') + 1) + " (" + image.width() + "×" + image.height() + ")");
        put(fields, prefix + ".alt", image.alt());
        put(fields, prefix + ".caption", image.caption());
        put(fields, prefix + ".credit", image.credit());
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, value);
        }
    }
}
