package dev.broadsheet.editor.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.editor.article.ArticleDraft;
import dev.broadsheet.editor.article.ArticleDraft.ImageRef;
import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.article.ImageFiles;
import dev.broadsheet.editor.article.PreparedArticle;
import dev.broadsheet.editor.article.PreparedImage;
import dev.broadsheet.editor.publish.PublishResult.Outcome;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one publishing path, for {@code broadsheet publish} and the local API's sample article:
 * validate everything (JSON and image files), then upload the images (content-addressed, so
 * what is there already is skipped), then write the article with one conditional write.
 *
 * <p>A failure at any step leaves the published version as it was: nothing is uploaded for an
 * invalid article, images are new keys that nothing refers to until the article is written, and
 * the article is written whole or not at all.
 */
public final class Publisher {

    /** Written by the system, not by the editor: a difference in these alone is no change. */
    private static final Set<String> NOT_COMPARED = Set.of(ArticleSchema.UPDATED_AT, ArticleSchema.VERSION, ArticleSchema.COMMENT_COUNT);

    private final ArticleTable articles;
    private final ImageBucket images;
    private final Clock clock;

    public Publisher(ArticleTable articles, ImageBucket images, Clock clock) {
        this.articles = articles;
        this.images = images;
        this.clock = clock;
    }

    /**
     * @param json  the article, in the format the README documents
     * @param files where the image files it names are
     * @throws dev.broadsheet.editor.article.InvalidArticleException before anything is uploaded
     * @throws ConcurrentEditException when someone else wrote the article meanwhile (nothing of theirs is lost)
     */
    public PublishResult publish(JsonNode json, ImageFiles files, Progress progress) {
        return publish(ArticleReader.read(json, files), files, progress);
    }

    /** Publishes an article already validated by {@link ArticleReader#read}, with the same files. */
    public PublishResult publish(PreparedArticle prepared, ImageFiles files, Progress progress) {
        ArticleDraft draft = prepared.draft();
        Optional<Article> stored = articles.find(draft.slug());

        int uploaded = 0;
        Set<String> done = new HashSet<>();
        for (PreparedImage image : prepared.images().values()) {
            String key = image.key(draft.slug());
            if (!done.add(key)) {
                continue;
            }
            progress.uploading(image, key);
            boolean sent = false;
            if (!images.exists(key)) {
                images.put(key, bytesAsValidated(files, image), image.info().format().contentType());
                sent = true;
                uploaded++;
            }
            progress.uploaded(image, key, sent);
        }
        int skipped = done.size() - uploaded;

        Article article = article(prepared, stored.orElse(null), clock.instant());
        if (stored.isPresent() && comparable(stored.get()).equals(comparable(article))) {
            return new PublishResult(draft.slug(), Outcome.UNCHANGED, stored.get().version(), uploaded, skipped);
        }
        long versionRead = stored.map(Article::version).orElse(0L);
        // Comments open/closed belongs to `comments close|open` unless the article JSON says otherwise.
        Set<String> unchanged = draft.commentsOpen() == null ? Set.of(ArticleSchema.COMMENTS_OPEN) : Set.of();
        articles.write(article, versionRead, unchanged);
        return new PublishResult(draft.slug(), stored.isPresent() ? Outcome.UPDATED : Outcome.CREATED,
                article.version(), uploaded, skipped);
    }

    /** Reads the file again for the upload and makes sure it is still the file that was validated. */
    private static byte[] bytesAsValidated(ImageFiles files, PreparedImage image) {
        try {
            byte[] bytes = files.read(image.file());
            if (!ArticleReader.sha256(bytes).equals(image.sha256())) {
                throw new IllegalStateException(image.location() + " changed while publishing; re-run publish");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(image.location() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The article to store: the draft, with what the stored article keeps (publishedAt, comments). */
    static Article article(PreparedArticle prepared, Article stored, Instant now) {
        ArticleDraft draft = prepared.draft();
        Instant publishedAt = draft.publishedAt() != null ? draft.publishedAt()
                : stored != null && stored.publishedAt() != null ? stored.publishedAt() : now;
        boolean commentsOpen = draft.commentsOpen() != null ? draft.commentsOpen() : stored == null || stored.commentsOpen();
        List<Block> body = draft.body().stream().map(block -> new Block(block.type(), block.text(), block.attribution(),
                block.image() == null ? null : image(prepared, block.image(), draft.slug()))).toList();
        return new Article(draft.slug(), draft.headline(), draft.summary(), ArticleSchema.PUBLISHED, publishedAt, now,
                draft.tags(), draft.heroImage() == null ? null : image(prepared, draft.heroImage(), draft.slug()), body,
                commentsOpen, stored == null ? 0 : stored.commentCount(), stored == null ? 1 : stored.version() + 1);
    }

    private static Image image(PreparedArticle prepared, ImageRef ref, String slug) {
        PreparedImage file = prepared.image(ref);
        return new Image(file.key(slug), ref.alt(), ref.caption(), ref.credit(), file.info().width(), file.info().height(),
                file.info().format().contentType());
    }

    /** The stored form, less what the system changes on every write. */
    private static Map<String, AttributeValue> comparable(Article article) {
        Map<String, AttributeValue> item = new HashMap<>(ArticleItems.toItem(article));
        item.keySet().removeAll(NOT_COMPARED);
        return item;
    }
}
