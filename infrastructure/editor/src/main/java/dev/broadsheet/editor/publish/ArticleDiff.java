package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.core.schema.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * The content of an article, field by field, as an editor writes it: what two versions of an
 * article differ in ({@code summary}, {@code body[2].content[0].text}, {@code heroImage.caption}, ...). Images
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
        put(fields, "tags", article.tags().isEmpty() ? null : article.tags().stream()
                .map(tag -> tag.equals(Tag.of(tag.slug())) ? tag.slug() : tag.slug() + " (" + tag.name() + ")")
                .collect(Collectors.joining(", ")));
        put(fields, "authors", article.authors().isEmpty() ? null : article.authors().stream()
                .map(author -> author.name() + " (" + author.slug() + ")").collect(Collectors.joining(", ")));
        image(fields, "heroImage", article.heroImage());
        List<AttributeValue> body = ArticleItems.toItem(article).get(ArticleSchema.BODY).l();
        for (int i = 0; i < body.size(); i++) {
            stored(fields, "body[" + i + "]", body.get(i));
        }
        return fields;
    }

    /**
     * A block as stored, field by field, named as in the article JSON ({@code body[2].content[0].href},
     * {@code body[4].rows[1][0].content[0].text}): the stored form is the one every block type has,
     * so no type is left out of the comparison.
     */
    private static void stored(Map<String, String> fields, String path, AttributeValue value) {
        if (value.hasM()) {
            Map<String, AttributeValue> map = value.m();
            if (map.containsKey(ArticleSchema.IMAGE_KEY)) {
                String key = map.get(ArticleSchema.IMAGE_KEY).s();
                put(fields, path, "image " + key.substring(key.lastIndexOf('/') + 1) + " (" + number(map, ArticleSchema.IMAGE_WIDTH)
                        + "×" + number(map, ArticleSchema.IMAGE_HEIGHT) + ")");
                for (String name : List.of(ArticleSchema.IMAGE_ALT, ArticleSchema.IMAGE_CAPTION, ArticleSchema.IMAGE_CREDIT)) {
                    put(fields, path + "." + name, Items.string(map, name));
                }
                return;
            }
            // The type first, then the fields in a stable order.
            map.keySet().stream().sorted(Comparator.comparing((String name) -> !name.equals(ArticleSchema.BLOCK_TYPE))
                    .thenComparing(Comparator.naturalOrder())).forEach(name -> stored(fields, path + "." + name, map.get(name)));
        } else if (value.hasL()) {
            for (int i = 0; i < value.l().size(); i++) {
                stored(fields, path + "[" + i + "]", value.l().get(i));
            }
        } else if (value.bool() != null) {
            put(fields, path, value.bool().toString());
        } else {
            put(fields, path, value.s() != null ? value.s() : value.n());
        }
    }

    private static String number(Map<String, AttributeValue> map, String name) {
        return Long.toString(Items.number(map, name));
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
