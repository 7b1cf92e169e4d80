package dev.broadsheet.core.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The lists a published article appears in, and the list items that put it there: one item per
 * list in the articles table, keyed {@code <list>/<slug>}, indexed by {@code list-publishedAt}. A
 * list page is then one Query of the index, which reads what it returns whatever the list's size.
 *
 * <p>Names only (no SDK types), because three modules write list items: the editor (with the
 * article, in one transaction), the comments (the count and the open flag the list items mirror)
 * and the articles functions read them.
 */
public final class ArticleLists {

    /** The index every list page queries. */
    public static final String INDEX = "list-publishedAt";
    /** The index's partition key: which list an item belongs to. */
    public static final String LIST_NAME = "listName";
    /** Every published article, newest first ({@code GET /articles}). */
    public static final String ALL = "all";

    private static final String TAG_PREFIX = "tag:";
    private static final char SEPARATOR = '/';

    private ArticleLists() {
    }

    /** The list of one tag ({@code GET /articles?tag=}). */
    public static String tag(String tag) {
        return TAG_PREFIX + tag;
    }

    /** Every list an article with these tags is in once published: all, then one per tag. */
    public static List<String> listsOf(List<String> tags) {
        List<String> lists = new ArrayList<>(tags.size() + 1);
        lists.add(ALL);
        tags.forEach(tag -> lists.add(tag(tag)));
        return lists;
    }

    /**
     * The table key of the article's item in a list. Neither {@code :} nor {@code /} can be in a
     * slug, so a list item's key never names an article.
     */
    public static String itemKey(String listName, String slug) {
        return listName + SEPARATOR + slug;
    }

    /** The keys of every list item of an article with these tags. */
    public static List<String> itemKeys(String slug, List<String> tags) {
        return listsOf(tags).stream().map(list -> itemKey(list, slug)).toList();
    }

    /** The article a list item stands for. */
    public static String slugOf(String itemKey) {
        return itemKey.substring(itemKey.lastIndexOf(SEPARATOR) + 1);
    }

    /** Whether a key of the articles table is a list item's (an article's key is a slug). */
    public static boolean isItemKey(String key) {
        return key.indexOf(SEPARATOR) >= 0;
    }
}
