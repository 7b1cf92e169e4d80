package dev.broadsheet.editor.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.ReadingTime;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.ItemSize;
import dev.broadsheet.editor.article.InvalidArticleException;
import dev.broadsheet.editor.article.ValidationError;
import dev.broadsheet.editor.article.ArticleDraft;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one publishing path, for {@code broadsheet publish} and the local API's sample article:
 * validate everything (JSON and image files), refuse to replace what the file was not based on,
 * upload the images (content-addressed, so what is there already is skipped), then write the
 * article with one conditional write.
 *
 * <p>A failure at any step leaves the published version as it was: nothing is uploaded for an
 * invalid or refused article, images are new keys that nothing refers to until the article is
 * written, and the article is written whole or not at all.
 *
 * <p>When the article changes between the read and the write (the images can take a while), the
 * write is refused by its condition and the article read again: a change of decisions only (comments
 * closed, unpublished) is built upon and the write retried, so it is kept unless this file decides
 * otherwise; a change of content is a conflict like any other.
 */
public final class Publisher {

    /** Written by the system, not by the editor: a difference in these alone is no change. */
    private static final Set<String> NOT_COMPARED = Set.of(ArticleSchema.UPDATED_AT, ArticleSchema.VERSION,
            ArticleSchema.COMMENT_COUNT, ArticleSchema.LISTED_AT);
    /** An article item's size, at most: DynamoDB's limit less room for the decisions and list names the write adds. */
    static final long MAX_ITEM_BYTES = ItemSize.MAX_BYTES - 10_000;
    /** Writes retried after decisions changed meanwhile; each retry follows someone else's write. */
    private static final int ATTEMPTS = 5;

    /**
     * What a publish is allowed to replace.
     *
     * @param baseVersion the version of the article on this target that the file was published as
     *                    or pulled from; null when it never was (it may then only create the article)
     * @param overwrite   replace whatever is stored ({@code --overwrite})
     * @param editor      who publishes, recorded with the decisions
     * @param unpublished store a new article unpublished (never served, listed or signed: an imported
     *                    draft, pending or private post); an article already stored keeps its status.
     *                    Otherwise publishing publishes, an unpublished article included.
     */
    public record Request(Long baseVersion, boolean overwrite, String editor, boolean unpublished) {

        public Request(Long baseVersion, boolean overwrite, String editor) {
            this(baseVersion, overwrite, editor, false);
        }

        /** For the local API's own sample article: it is the sample's source of truth. */
        public static Request overwriting(String editor) {
            return new Request(null, true, editor);
        }
    }

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
     * @throws PublishConflictException before anything is uploaded, or after the images, when
     *                                  someone else changed the content meanwhile (nothing of theirs is lost)
     */
    public PublishResult publish(JsonNode json, ImageFiles files, Progress progress, Request request) {
        return publish(ArticleReader.read(json, files), files, progress, request);
    }

    /** Publishes an article already validated by {@link ArticleReader#read}, with the same files. */
    public PublishResult publish(PreparedArticle prepared, ImageFiles files, Progress progress, Request request) {
        String slug = prepared.draft().slug();
        Optional<StoredArticle> stored = articles.find(slug);
        Optional<String> replaced = refusal(prepared, stored, request.baseVersion(), request.overwrite(), request.unpublished());
        checkSize(article(prepared, stored.map(StoredArticle::article).orElse(null), clock.instant(), request.unpublished()));

        int uploaded = 0;
        Set<String> done = new HashSet<>();
        for (PreparedImage image : prepared.images().values()) {
            String key = image.key(slug);
            if (!done.add(key)) {
                continue;
            }
            if (images.exists(key)) {
                progress.skipped(image, key);
            } else {
                progress.uploading(image, key);
                images.put(key, bytesAsValidated(files, image), image.info().format().contentType());
                uploaded++;
                progress.uploaded(image, key);
            }
        }
        int skipped = done.size() - uploaded;

        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Article article = article(prepared, stored.map(StoredArticle::article).orElse(null), now, request.unpublished());
            List<String> notes = notes(prepared.draft(), stored, replaced, article);
            if (stored.isPresent() && unchanged(stored.get(), article)) {
                return new PublishResult(slug, Outcome.UNCHANGED, stored.get().version(), stored.get().article().publishedAt(),
                        uploaded, skipped, notes);
            }
            try {
                // Comments open/closed belongs to `comments close|open` unless the article JSON says otherwise.
                articles.write(article, stored.orElse(null),
                        decisions(stored, article, new Decision(request.editor(), now)),
                        prepared.draft().commentsOpen() == null ? Set.of(ArticleSchema.COMMENTS_OPEN) : Set.of());
                return new PublishResult(slug, stored.isPresent() ? Outcome.UPDATED : Outcome.CREATED,
                        article.version(), article.publishedAt(), uploaded, skipped, notes);
            } catch (ConcurrentEditException e) {
                // Also when only the comment count or open flag moved (an approval, a close): its list items copy them.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                // Written by someone else since our read: their content is a conflict unless we may overwrite;
                // their decisions are kept (built upon) unless the file decides them.
                Long versionRead = stored.map(StoredArticle::version).orElse(null);
                stored = articles.find(slug);
                Optional<String> refused = refusal(prepared, stored, versionRead, request.overwrite(), request.unpublished());
                replaced = replaced.isPresent() ? replaced : refused;
            }
        }
    }

    /**
     * Why the file may not replace the stored article, or empty when it may. With {@code overwrite}
     * the reason is returned (it becomes an outcome line); without, it is thrown.
     */
    private Optional<String> refusal(PreparedArticle prepared, Optional<StoredArticle> stored, Long baseVersion, boolean overwrite,
                                     boolean unpublished) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredArticle theirs = stored.get();
        Article yours = article(prepared, theirs.article(), clock.instant(), unpublished);
        if (ArticleDiff.sameContent(theirs.article(), yours)) {
            return Optional.empty();
        }
        String slug = theirs.article().slug();
        String edited = "version " + theirs.version() + ", content last changed" + Decision.describe(theirs.decisions().content());
        if (baseVersion == null || baseVersion > theirs.version()) {
            String message = "nothing was written: there already is an article " + slug + ": \"" + theirs.article().headline() + "\" ("
                    + theirs.article().status() + ", " + edited + "), and this file was never published as it or pulled from it."
                    + " Choose another slug for another story; to edit that one, pull it (broadsheet pull " + slug
                    + " --to DIR); to replace it with this file, add --overwrite";
            return overwriteOr(overwrite, message, List.of(), "replaced the article \"" + theirs.article().headline() + "\" ("
                    + edited + "): --overwrite");
        }
        if (theirs.decisions().contentVersion() > baseVersion) {
            List<ArticleDiff.Difference> differences = ArticleDiff.between(theirs.article(), yours);
            String message = slug + " was changed since this file's version " + baseVersion + " (now " + edited + ")."
                    + " It differs from this file in " + differences.size()
                    + (differences.size() == 1 ? " field" : " fields") + " (theirs: stored, yours: this file)";
            return overwriteOr(overwrite, message, differences, "replaced the changes made since version " + baseVersion
                    + " (" + edited + "): --overwrite");
        }
        return Optional.empty();
    }

    private static Optional<String> overwriteOr(boolean overwrite, String refusal, List<ArticleDiff.Difference> differences,
                                                String note) {
        if (!overwrite) {
            throw new PublishConflictException(refusal, differences);
        }
        return Optional.of(note);
    }

    /** Every decision this publish reverses or keeps, for the outcome lines. */
    private static List<String> notes(ArticleDraft draft, Optional<StoredArticle> stored, Optional<String> replaced, Article article) {
        List<String> notes = new ArrayList<>();
        replaced.ifPresent(notes::add);
        if (stored.isEmpty()) {
            return notes;
        }
        Article before = stored.get().article();
        Decisions decisions = stored.get().decisions();
        if (!before.isPublished() && article.isPublished()) {
            notes.add("was " + before.status() + Decision.describe(decisions.status()) + "; is published again");
        }
        if (draft.commentsOpen() != null && draft.commentsOpen() != before.commentsOpen()) {
            notes.add(draft.commentsOpen()
                    ? "comments were closed" + Decision.describe(decisions.comments()) + "; this file says open: reopened"
                    : "comments were open" + Decision.describe(decisions.comments()) + "; this file says closed: closed");
        } else if (draft.commentsOpen() == null && !before.commentsOpen()) {
            notes.add("comments stay closed (closed" + Decision.describe(decisions.comments())
                    + "; this file does not set comments.open)");
        }
        return notes;
    }

    /** The decisions recorded with the write: what this publish decided, by whom, and the rest as they were. */
    private static Decisions decisions(Optional<StoredArticle> stored, Article article, Decision decision) {
        if (stored.isEmpty()) {
            return new Decisions(article.version(), decision, decision, decision);
        }
        Article before = stored.get().article();
        Decisions decisions = stored.get().decisions();
        if (!ArticleDiff.sameContent(before, article)) {
            decisions = decisions.withContent(article.version(), decision);
        }
        if (before.isPublished() != article.isPublished()) {
            decisions = decisions.withStatus(decision);
        }
        if (before.commentsOpen() != article.commentsOpen()) {
            decisions = decisions.withComments(decision);
        }
        return decisions;
    }

    /**
     * Refuses, before any upload, an article too big for one DynamoDB item: the text limit bounds the
     * words, this the structure around them (many short spans, links, cells), with room for the
     * decisions the write adds.
     */
    static void checkSize(Article article) {
        long size = ItemSize.of(ArticleItems.toItem(article));
        if (size > MAX_ITEM_BYTES) {
            throw new InvalidArticleException(List.of(new ValidationError("body", "the article takes " + size
                    + " bytes stored (its text, spans, links and images together); at most " + MAX_ITEM_BYTES
                    + " fit in one article: shorten it or split it into two")));
        }
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

    /**
     * The article to store: the draft, with what the stored article keeps (publishedAt, comments;
     * its status when {@code unpublished} asks to store a new article unpublished).
     */
    static Article article(PreparedArticle prepared, Article stored, Instant now, boolean unpublished) {
        ArticleDraft draft = prepared.draft();
        String status = unpublished && (stored == null || !stored.isPublished()) ? ArticleSchema.UNPUBLISHED : ArticleSchema.PUBLISHED;
        Instant publishedAt = draft.publishedAt() != null ? draft.publishedAt()
                : stored != null && stored.publishedAt() != null ? stored.publishedAt() : now;
        // Re-dated or re-published: a new place in the lists, which readers paging since before skip (they may
        // have had it at its old place). A new article cannot have been returned to anyone: its place is as of
        // its publication, so readers paging on find it there (an import paged right after it is complete).
        boolean samePlace = stored != null && stored.isPublished() && publishedAt.equals(stored.publishedAt())
                && stored.listedAt() != null;
        boolean published = ArticleSchema.isPublished(status);
        boolean commentsOpen = draft.commentsOpen() != null ? draft.commentsOpen() : stored == null || stored.commentsOpen();
        List<Block> body = draft.body().stream().map(block -> block.withImages(image -> image(prepared, image, draft.slug())))
                .toList();
        return new Article(draft.slug(), draft.headline(), draft.summary(), status, publishedAt, now,
                !published ? null : samePlace ? stored.listedAt() : stored == null ? publishedAt : now, draft.tags(), draft.authors(),
                draft.heroImage() == null ? null : image(prepared, draft.heroImage().draft(), draft.slug()), body,
                ReadingTime.minutes(body), commentsOpen, stored == null ? 0 : stored.commentCount(),
                stored == null ? 1 : stored.version() + 1);
    }

    /** A draft's image (named by its file) as uploaded: its key, size and content type from the file. */
    private static Image image(PreparedArticle prepared, Image draft, String slug) {
        PreparedImage file = prepared.image(draft.key());
        return new Image(file.key(slug), draft.alt(), draft.caption(), draft.credit(), file.info().width(), file.info().height(),
                file.info().format().contentType());
    }

    /** The stored form, less what the system changes on every write. */
    /** Nothing to write: the same article, in exactly the lists it should be in (articles from before list items are not). */
    private static boolean unchanged(StoredArticle stored, Article article) {
        return comparable(stored.article()).equals(comparable(article))
                && stored.lists().equals(article.isPublished() ? ArticleLists.listsOf(article.tagSlugs()) : List.of());
    }

    private static Map<String, AttributeValue> comparable(Article article) {
        Map<String, AttributeValue> item = new HashMap<>(ArticleItems.toItem(article));
        item.keySet().removeAll(NOT_COMPARED);
        return item;
    }
}
