package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;
import dev.broadsheet.core.schema.Timestamps;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The public JSON shapes of articles: what a frontend renders. Storage-only fields (status,
 * version, S3 content types) stay out; image URLs point at the images route of this API.
 */
final class ArticleViews {

    private final String articleUrlPattern;

    /** @param articleUrlPattern the site's article page URL, with {@code {slug}} in it */
    ArticleViews(String articleUrlPattern) {
        this.articleUrlPattern = articleUrlPattern;
    }

    ArticleView full(Article article, String apiBaseUrl) {
        ImageView hero = image(article.heroImage(), apiBaseUrl);
        String canonical = canonicalUrl(article.slug());
        return new ArticleView(article.slug(), article.headline(), article.summary(),
                Timestamps.format(article.publishedAt()), Timestamps.format(article.updatedAt()), article.tagSlugs(),
                tags(article), authors(article), article.readingTimeMinutes(), hero,
                article.body().stream().map(block -> new BlockView(block, apiBaseUrl)).toList(),
                new CommentsView(article.commentsOpen(), article.commentCount()),
                new ShareView(canonical, pinterest(canonical, hero, article.headline())),
                openGraph(article, canonical, hero));
    }

    ArticleSummary summary(Article article, String apiBaseUrl) {
        return new ArticleSummary(article.slug(), article.headline(), article.summary(),
                Timestamps.format(article.publishedAt()), Timestamps.format(article.updatedAt()), article.tagSlugs(),
                tags(article), authors(article), article.readingTimeMinutes(),
                image(article.heroImage(), apiBaseUrl), new CommentsView(article.commentsOpen(), article.commentCount()),
                canonicalUrl(article.slug()), apiBaseUrl + "/articles/" + article.slug());
    }

    private static List<TagView> tags(Article article) {
        return article.tags().stream().map(tag -> new TagView(tag.slug(), tag.name())).toList();
    }

    private static List<AuthorView> authors(Article article) {
        return article.authors().stream().map(author -> new AuthorView(author.name(), author.slug())).toList();
    }

    /**
     * The Open Graph properties of the article page, named as the protocol names them (ogp.me), so a
     * static site writes one {@code <meta property="…" content="…">} per value as is.
     */
    private static OpenGraphView openGraph(Article article, String canonical, ImageView hero) {
        return new OpenGraphView(article.headline(), article.summary(), canonical, hero,
                Timestamps.format(article.publishedAt()), Timestamps.format(article.updatedAt()),
                article.tags().stream().map(Tag::name).toList(),
                article.authors().stream().map(Author::name).toList());
    }

    /** The article's page on the site ({@code ArticleUrlPattern}): what feeds and sitemaps link to. */
    String canonicalUrl(String slug) {
        return articleUrlPattern.replace("{slug}", slug);
    }

    private static ImageView image(Image image, String apiBaseUrl) {
        if (image == null) {
            return null;
        }
        return new ImageView(imageUrl(image, apiBaseUrl), image.alt(), image.caption(), image.credit(),
                image.width(), image.height());
    }

    /** The image's stable URL on this API: {@code GET /images/{key}} redirects to the bytes. */
    static String imageUrl(Image image, String apiBaseUrl) {
        return apiBaseUrl + "/" + image.key();
    }


    /** Pinterest's "Pin It" share link for the page, with the hero image as the pinned picture. */
    private static String pinterest(String pageUrl, ImageView hero, String description) {
        StringBuilder link = new StringBuilder("https://www.pinterest.com/pin/create/button/?url=").append(encode(pageUrl));
        if (hero != null) {
            link.append("&media=").append(encode(hero.src()));
        }
        return link.append("&description=").append(encode(description)).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * @param tags       the tags' slugs, as before tags had names (existing clients filter by them)
     * @param tagDetails the same tags with the names to show
     */
    record ArticleView(String slug, String headline, String summary, String publishedAt, String updatedAt,
                       List<String> tags, List<TagView> tagDetails, List<AuthorView> authors, int readingTimeMinutes,
                       ImageView heroImage, List<BlockView> body, CommentsView comments, ShareView share,
                       OpenGraphView openGraph) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("slug", slug).field("headline", headline).field("summary", summary)
                    .field("publishedAt", publishedAt).field("updatedAt", updatedAt).strings("tags", tags)
                    .field("tagDetails", tagDetails).field("authors", authors).field("readingTimeMinutes", readingTimeMinutes)
                    .field("heroImage", heroImage).field("body", body).field("comments", comments).field("share", share)
                    .field("openGraph", openGraph).endObject();
        }
    }

    /** An entry of the article list: enough for a teaser, with links to the page and the full JSON. */
    record ArticleSummary(String slug, String headline, String summary, String publishedAt, String updatedAt,
                          List<String> tags, List<TagView> tagDetails, List<AuthorView> authors, int readingTimeMinutes,
                          ImageView heroImage, CommentsView comments, String url, String href) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("slug", slug).field("headline", headline).field("summary", summary)
                    .field("publishedAt", publishedAt).field("updatedAt", updatedAt).strings("tags", tags)
                    .field("tagDetails", tagDetails).field("authors", authors).field("readingTimeMinutes", readingTimeMinutes)
                    .field("heroImage", heroImage).field("comments", comments).field("url", url).field("href", href)
                    .endObject();
        }
    }

    record TagView(String slug, String name) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("slug", slug).field("name", name).endObject();
        }
    }

    record AuthorView(String name, String slug) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("name", name).field("slug", slug).endObject();
        }
    }

    /** Open Graph: {@code og:*} and {@code article:*} properties; lists are one meta element per value. */
    record OpenGraphView(String title, String description, String url, ImageView image, String publishedTime,
                         String modifiedTime, List<String> tags, List<String> authors) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("og:type", "article").field("og:title", title).field("og:description", description)
                    .field("og:url", url);
            if (image != null) {
                out.field("og:image", image.src()).field("og:image:width", image.width())
                        .field("og:image:height", image.height()).field("og:image:alt", image.alt());
            }
            out.field("article:published_time", publishedTime).field("article:modified_time", modifiedTime)
                    .strings("article:tag", tags).strings("article:author", authors).endObject();
        }
    }

    record ArticleList(List<ArticleSummary> items, String nextCursor) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("items", items).field("nextCursor", nextCursor).endObject();
        }
    }

    /** @param src the stable image URL: {@code GET /images/{key}} answers with a redirect to the bytes */
    record ImageView(String src, String alt, String caption, String credit, int width, int height)
            implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("src", src).field("alt", alt).field("caption", caption).field("credit", credit)
                    .field("width", width).field("height", height).endObject();
        }
    }

    /** A body block as the model writes it ({@link Block#writeJson}), its images as {@link ImageView}s. */
    record BlockView(Block block, String apiBaseUrl) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            block.writeJson(out, image -> image(image, apiBaseUrl));
        }
    }

    record CommentsView(boolean open, long count) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("open", open).field("count", count).endObject();
        }
    }

    record ShareView(String canonicalUrl, String pinterest) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("canonicalUrl", canonicalUrl).field("pinterest", pinterest).endObject();
        }
    }
}
