package dev.broadsheet.images.handler;

import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;
import dev.broadsheet.images.model.ArticleImage;
import dev.broadsheet.images.model.SignedImage;
import dev.broadsheet.images.model.SignedUrl;

import java.util.List;

/** The public JSON shapes of signed image URLs. */
final class ImageViews {

    private ImageViews() {
    }

    static UrlView url(SignedUrl url) {
        return new UrlView(url.url().toString(), url.expiresAt().toString());
    }

    static ImageView image(SignedImage signed, String apiBaseUrl) {
        ArticleImage image = signed.image();
        return new ImageView(apiBaseUrl + "/" + image.s3Key(), image.role(), image.alt(), image.caption(), image.credit(),
                image.width(), image.height(), signed.url().url().toString(), signed.url().expiresAt().toString());
    }

    /** @param expiresAt ISO-8601 UTC, whole seconds: when S3 stops honouring {@code url} */
    record UrlView(String url, String expiresAt) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("url", url).field("expiresAt", expiresAt).endObject();
        }
    }

    /**
     * @param src the stable URL the article JSON gives for this image ({@code heroImage.src}), to match them up
     * @param url the presigned URL of the bytes, valid until {@code expiresAt}
     */
    record ImageView(String src, String role, String alt, String caption, String credit, int width, int height,
                     String url, String expiresAt) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("src", src).field("role", role).field("alt", alt).field("caption", caption)
                    .field("credit", credit).field("width", width).field("height", height).field("url", url)
                    .field("expiresAt", expiresAt).endObject();
        }
    }

    /** @param expiresAt the earliest expiry of the URLs in {@code images}; absent when there are none */
    record ArticleImagesView(String slug, List<ImageView> images, String expiresAt) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("slug", slug).field("images", images).field("expiresAt", expiresAt).endObject();
        }
    }
}
