package dev.broadsheet.editor.wordpress;

import java.util.List;
import java.util.Map;

/**
 * What a WordPress export (WXR, an RSS 2.0 file with the {@code wp:} namespace) holds, as the
 * importer reads it: the channel's site and authors, and its items one at a time.
 */
public final class Wxr {

    private Wxr() {
    }

    /**
     * The channel's header, read before its first item.
     *
     * @param siteUrl {@code wp:base_blog_url} (else {@code wp:base_site_url}, else the channel's link): relative links resolve against it
     * @param authors display names by login ({@code wp:author}; WXR 1.0 has none)
     */
    public record Channel(String version, String siteUrl, Map<String, String> authors) {
    }

    /** A {@code <category domain=... nicename=...>name</category>} of an item; domain and nicename may be absent (WXR 1.0). */
    public record Term(String domain, String nicename, String name) {
    }

    /** A {@code wp:comment}: the fields as exported, dates as text ({@code 0000-00-00 00:00:00} included). */
    public record Comment(long id, String author, String authorEmail, String authorUrl, String date, String dateGmt,
                          String content, String approved, String type, long parent) {
    }

    /**
     * An {@code <item>}: a post, page, attachment or any other post type.
     *
     * @param meta the {@code wp:postmeta} values the importer uses (see {@link WxrReader#KEPT_META})
     */
    public record Item(String title, String link, String creator, String content, String excerpt, long postId,
                       String postDate, String postDateGmt, String commentStatus, String postName, String status,
                       long postParent, String postType, String password, String attachmentUrl, List<Term> terms,
                       Map<String, String> meta, List<Comment> comments) {

        public Item {
            terms = List.copyOf(terms);
            meta = Map.copyOf(meta);
            comments = List.copyOf(comments);
        }
    }
}
