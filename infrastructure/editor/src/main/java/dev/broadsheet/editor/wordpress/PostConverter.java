package dev.broadsheet.editor.wordpress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.core.schema.Timestamps;
import dev.broadsheet.editor.article.ArticleReader;
import org.jsoup.Jsoup;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A WordPress post to the article JSON an editor writes (the editor's ARTICLE.json: slug, headline,
 * summary, publishedAt, tags, authors, heroImage with its file, body, comments), which then goes
 * through the editor's own validation and publishing, as {@code broadsheet publish} does.
 */
public final class PostConverter {

    private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** What becomes of a post. */
    public enum Kind { PUBLISHED, SCHEDULED, UNPUBLISHED }

    /**
     * @param reason why a post is stored unpublished (draft, pending review, private, password-protected); null otherwise
     */
    public record Post(long postId, String slug, Kind kind, String reason, ObjectNode article, List<String> losses,
                       List<String> missingImages) {
    }

    private final Wxr.Channel channel;
    private final Attachments attachments;
    private final ContentConverter.Media media;

    public PostConverter(Wxr.Channel channel, Attachments attachments, ContentConverter.Media media) {
        this.channel = channel;
        this.attachments = attachments;
        this.media = media;
    }

    /**
     * The slug a post asks for: {@code wp:post_name} percent-decoded ("caf%c3%a9" is "café"), as it
     * is when it is a valid slug, else made one of its words; the title's words when it has none;
     * {@code post-<id>} when neither has letters or digits.
     */
    public static String slugOf(Wxr.Item item) {
        String name = item.postName() == null ? "" : item.postName().strip();
        String decoded;
        try {
            decoded = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = name;
        }
        if (Slugs.isSlug(decoded)) {
            return decoded;
        }
        String fromName = Slugs.fromWords(decoded, Slugs.MAX_SLUG_LENGTH);
        if (!fromName.isEmpty()) {
            return fromName;
        }
        String fromTitle = Slugs.fromWords(plain(item.title()), Slugs.MAX_SLUG_LENGTH);
        return fromTitle.isEmpty() ? "post-" + item.postId() : fromTitle;
    }

    public Post convert(Wxr.Item item, String slug, Instant now) {
        List<String> losses = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        ObjectNode article = Json.MAPPER.createObjectNode();
        article.put("slug", slug);
        String wanted = decode(item.postName() == null ? "" : item.postName().strip());
        if (!wanted.isEmpty() && !wanted.equals(slug)) {
            // Its old URL had this name: worth a redirect.
            losses.add("slug " + slug + " (WordPress's was " + wanted + ")");
        }
        String headline = plain(item.title());
        if (headline.isEmpty()) {
            headline = "(no title)";
            losses.add("no title: the headline is \"(no title)\"");
        }
        article.put("headline", capped(headline, ArticleReader.MAX_HEADLINE, "headline", losses));
        String summary = plain(item.excerpt());
        if (!summary.isEmpty()) {
            article.put("summary", capped(summary, ArticleReader.MAX_SUMMARY, "summary", losses));
        }

        Kind kind;
        String reason = null;
        String status = item.status() == null ? "" : item.status().strip();
        boolean password = item.password() != null && !item.password().isEmpty();
        Instant publishedAt = date(item.postDateGmt());
        if (publishedAt == null && (status.equals("publish") || status.equals("future"))) {
            // Published without a GMT date (old exports): the site's local time, taken as UTC.
            publishedAt = date(item.postDate());
            if (publishedAt != null) {
                losses.add("no GMT date: publishedAt is the site's local time " + item.postDate() + " taken as UTC");
            }
        }
        if (password) {
            kind = Kind.UNPUBLISHED;
            reason = "password-protected";
        } else if (status.equals("publish")) {
            kind = Kind.PUBLISHED;
        } else if (status.equals("future")) {
            kind = publishedAt != null && publishedAt.isAfter(now) ? Kind.SCHEDULED : Kind.PUBLISHED;
            if (kind == Kind.PUBLISHED) {
                losses.add("was scheduled for " + item.postDateGmt() + " (GMT), which has passed: published");
            }
        } else {
            kind = Kind.UNPUBLISHED;
            reason = switch (status) {
                case "draft" -> "draft";
                case "pending" -> "pending review";
                case "private" -> "private";
                default -> status.isEmpty() ? "no status" : "status " + status;
            };
        }
        if (publishedAt != null) {
            article.put("publishedAt", Timestamps.format(publishedAt));
        }
        tags(item, article, losses);
        authors(item, article, losses);
        hero(item, article, losses, missing);

        String base = item.link() != null && item.link().matches("(?i)https?://.*") ? item.link() : channel.siteUrl();
        ContentConverter.Converted body = ContentConverter.convert(item.content(), base, media, attachments, item.postId());
        ArrayNode blocks = article.putArray("body");
        losses.addAll(body.losses());
        int images = article.has("heroImage") ? 1 : 0;
        int over = 0;
        for (ObjectNode block : body.blocks()) {
            // An article holds at most MAX_IMAGES images: the rest are left out, not the post.
            int room = ArticleReader.MAX_IMAGES - images;
            switch (block.path("type").asText()) {
                case "image" -> {
                    if (room < 1) {
                        over++;
                        continue;
                    }
                    images++;
                }
                case "gallery" -> {
                    ArrayNode gallery = (ArrayNode) block.get("images");
                    int kept = Math.min(room, gallery.size());
                    over += gallery.size() - kept;
                    images += kept;
                    while (gallery.size() > kept) {
                        gallery.remove(gallery.size() - 1);
                    }
                    if (kept == 0) {
                        continue;
                    }
                    if (kept == 1) {
                        ObjectNode single = Json.MAPPER.createObjectNode().put("type", "image");
                        single.set("image", gallery.get(0));
                        blocks.add(single);
                        continue;
                    }
                }
                default -> {
                }
            }
            blocks.add(block);
        }
        if (over > 0) {
            losses.add(over + " images left out: an article holds at most " + ArticleReader.MAX_IMAGES);
        }
        missing.addAll(body.missingImages());
        if (blocks.isEmpty()) {
            // Served with its headline alone rather than skipped: its address keeps answering.
            losses.add(missing.isEmpty() ? "no content: the article's body is empty"
                    : "no content left: the article's body is empty (its images are missing)");
        }
        if (item.commentStatus() != null && !item.commentStatus().isBlank()) {
            article.putObject("comments").put("open", item.commentStatus().strip().equals("open"));
        }
        return new Post(item.postId(), slug, kind, reason, article, List.copyOf(losses), List.copyOf(missing));
    }

    /** Categories and tags, by their slug (nicename, percent-decoded) with their display name. */
    private static void tags(Wxr.Item item, ObjectNode article, List<String> losses) {
        ArrayNode tags = Json.MAPPER.createArrayNode();
        Set<String> seen = new LinkedHashSet<>();
        int over = 0;
        for (Wxr.Term term : item.terms()) {
            String domain = term.domain() == null ? "category" : term.domain();
            if (!domain.equals("category") && !domain.equals("post_tag") && !domain.equals("tag")) {
                continue; // post formats and other taxonomies are not tags
            }
            String name = plain(term.name());
            String nicename = term.nicename() == null ? "" : decode(term.nicename().strip());
            String slug = Slugs.isTag(nicename) ? nicename : Slugs.fromWords(nicename.isEmpty() ? name : nicename);
            if (slug.isEmpty()) {
                slug = Slugs.fromWords(name);
            }
            if (slug.isEmpty()) {
                losses.add("tag \"" + name + "\" left out: no letters or digits to make its slug of");
                continue;
            }
            if (!seen.add(slug)) {
                continue;
            }
            if (seen.size() > ArticleReader.MAX_TAGS) {
                over++;
                continue;
            }
            ObjectNode tag = tags.addObject();
            tag.put("slug", slug);
            tag.put("name", name.isEmpty() ? slug : capped(name, ArticleReader.MAX_NAME, "tag name", losses));
        }
        if (over > 0) {
            losses.add(over + " categories/tags left out: at most " + ArticleReader.MAX_TAGS + " per article");
        }
        if (!tags.isEmpty()) {
            article.set("tags", tags);
        }
    }

    /** {@code dc:creator} (a login) as a byline: the author's display name from the export's {@code wp:author} entries. */
    private void authors(Wxr.Item item, ObjectNode article, List<String> losses) {
        String login = item.creator() == null ? "" : item.creator().strip();
        if (login.isEmpty()) {
            return;
        }
        String name = plain(channel.authors().getOrDefault(login, login));
        String slug = Slugs.fromWords(login);
        if (slug.isEmpty()) {
            slug = Slugs.fromWords(name);
        }
        if (slug.isEmpty() || name.isEmpty()) {
            losses.add("author " + login + " left out: no letters or digits to make a slug of");
            return;
        }
        ObjectNode author = article.putArray("authors").addObject();
        author.put("name", capped(name, ArticleReader.MAX_NAME, "author name", losses));
        author.put("slug", slug);
    }

    /** The featured image: {@code _thumbnail_id} names an attachment, whose file becomes the hero. */
    private void hero(Wxr.Item item, ObjectNode article, List<String> losses, List<String> missing) {
        String thumbnail = item.meta().get("_thumbnail_id");
        if (thumbnail == null || thumbnail.isBlank()) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(thumbnail.strip());
        } catch (NumberFormatException e) {
            return;
        }
        Attachments.Attachment attachment = attachments.get(id);
        if (attachment == null) {
            String what = "featured image (attachment " + id + " is not in the export)";
            missing.add(what);
            losses.add("image left out: " + what);
            return;
        }
        ContentConverter.Media.Found found = media.find(attachment.url(), attachment);
        if (found.file() == null) {
            String what = "featured image " + attachment.url() + " (" + found.missing() + ")";
            missing.add(what);
            losses.add("image left out: " + what);
            return;
        }
        ObjectNode hero = article.putObject("heroImage");
        hero.put("file", found.file());
        String alt = firstNonBlank(attachment.alt(), attachment.caption(), attachment.title());
        hero.put("alt", capped(alt == null ? words(found.file()) : alt, ArticleReader.MAX_SUMMARY, "hero alt text", losses));
        String caption = plain(attachment.caption());
        if (!caption.isEmpty()) {
            hero.put("caption", capped(caption, ArticleReader.MAX_SUMMARY, "hero caption", losses));
        }
    }

    /** A MySQL date of the export as UTC; null for WordPress's "no date" (0000-00-00 00:00:00) or anything unreadable. */
    static Instant date(String value) {
        if (value == null || value.isBlank() || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), MYSQL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** HTML or entity-encoded text as plain text: tags removed, entities decoded, white space collapsed. */
    static String plain(String html) {
        return html == null || html.isBlank() ? "" : Jsoup.parse(html).text().strip();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            String plain = plain(value);
            if (!plain.isEmpty()) {
                return plain;
            }
        }
        return null;
    }

    private static String words(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.[A-Za-z0-9]+$", "").replaceAll("[-_]+", " ").strip();
        return name.isEmpty() ? "image" : name;
    }

    private static String capped(String text, int max, String what, List<String> losses) {
        if (text.length() <= max) {
            return text;
        }
        losses.add(what + " shortened to " + max + " characters");
        return text.substring(0, max - 1).stripTrailing() + "…";
    }
}
