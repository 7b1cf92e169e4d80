package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
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
                Timestamps.format(article.publishedAt()), Timestamps.format(article.updatedAt()), article.tags(), hero,
                article.body().stream().map(block -> block(block, apiBaseUrl)).toList(),
                new CommentsView(article.commentsOpen(), article.commentCount()),
                new ShareView(canonical, pinterest(canonical, hero, article.headline())));
    }

    ArticleSummary summary(Article article, String apiBaseUrl) {
        return new ArticleSummary(article.slug(), article.headline(), article.summary(),
                Timestamps.format(article.publishedAt()), Timestamps.format(article.updatedAt()), article.tags(),
                image(article.heroImage(), apiBaseUrl), new CommentsView(article.commentsOpen(), article.commentCount()),
                canonicalUrl(article.slug()), apiBaseUrl + "/articles/" + article.slug());
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

    private static BlockView block(Block block, String apiBaseUrl) {
        return new BlockView(block.type(), block.text(), block.attribution(), image(block.image(), apiBaseUrl));
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

    record ArticleView(String slug, String headline, String summary, String publishedAt, String updatedAt,
                       List<String> tags, ImageView heroImage, List<BlockView> body, CommentsView comments,
                       ShareView share) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("slug", slug).field("headline", headline).field("summary", summary)
                    .field("publishedAt", publishedAt).field("updatedAt", updatedAt).strings("tags", tags)
                    .field("heroImage", heroImage).field("body", body).field("comments", comments).field("share", share)
                    .endObject();
        }
    }

    /** An entry of the article list: enough for a teaser, with links to the page and the full JSON. */
    record ArticleSummary(String slug, String headline, String summary, String publishedAt, String updatedAt,
                          List<String> tags, ImageView heroImage, CommentsView comments, String url, String href)
            implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("slug", slug).field("headline", headline).field("summary", summary)
                    .field("publishedAt", publishedAt).field("updatedAt", updatedAt).strings("tags", tags)
                    .field("heroImage", heroImage).field("comments", comments).field("url", url).field("href", href)
                    .endObject();
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

    record BlockView(String type, String text, String attribution, ImageView image) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("type", type).field("text", text).field("attribution", attribution)
                    .field("image", image).endObject();
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
