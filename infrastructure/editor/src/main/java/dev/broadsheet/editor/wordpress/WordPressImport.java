package dev.broadsheet.editor.wordpress;

import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.article.ImageFiles;
import dev.broadsheet.editor.article.ImageSniffer;
import dev.broadsheet.editor.article.InvalidArticleException;
import dev.broadsheet.editor.article.PreparedArticle;
import dev.broadsheet.editor.article.Sizes;
import dev.broadsheet.editor.article.ValidationError;
import dev.broadsheet.editor.publish.Progress;
import dev.broadsheet.editor.publish.PublishConflictException;
import dev.broadsheet.editor.publish.PublishResult;
import dev.broadsheet.editor.publish.Publisher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code broadsheet import wordpress}: reads the export twice, streaming (first its attachments,
 * which posts name by id and which may come after them; then its posts), converts each post to the
 * article JSON an editor writes ({@link PostConverter}) and sends it through the editor's own
 * validation ({@link ArticleReader}) and publishing ({@link Publisher}: images uploaded sniffed
 * under hashed keys, the article and its list items in one transaction), then its comments
 * through the comments module ({@link DynamoComments#importComments}).
 *
 * <p>Idempotent: an article already stored exactly so is left alone (the publisher says it is
 * unchanged), images are content-addressed, and comment ids derive from WordPress's, so a run
 * again writes nothing, and a run that was interrupted completes without duplicates. An article
 * that differs from what the import would write (edited since, or another article with the slug)
 * is never replaced: it is reported as skipped.
 *
 * <p>Posts are imported by a few threads at once (each post is its own transactions), with a
 * bounded queue, so memory stays flat whatever the size of the export.
 */
public final class WordPressImport {

    /** Who the articles' decisions name. */
    static final String EDITOR = "wordpress import";

    /**
     * @param uploads null without {@code --uploads}: every image is missing
     * @param threads posts imported at once
     */
    public record Options(Path export, Path uploads, boolean dryRun, int threads) {
    }

    /** Where an import writes; null in a dry run. */
    public record Destination(Publisher publisher, DynamoComments comments, String description) {
    }

    private final Options options;
    private final Destination destination;
    private final Clock clock;
    private final PrintWriter out;
    private final ImportReport report;
    private final Uploads uploads;
    private final ImageFiles files;

    public WordPressImport(Options options, Destination destination, Clock clock, PrintWriter out) {
        this.options = options;
        this.destination = destination;
        this.clock = clock;
        this.out = out;
        this.report = new ImportReport(options.dryRun());
        this.uploads = new Uploads(options.uploads());
        this.files = ImageFiles.in(options.uploads() == null ? Path.of("").toAbsolutePath() : uploads.folder());
    }

    public ImportReport run() {
        Attachments attachments = new Attachments();
        WxrReader reader = new WxrReader(options.export());
        Wxr.Channel channel = reader.read(c -> { }, item -> {
            if (item.postType().equals("attachment")) {
                attachments.add(item);
            }
        });
        out.println((options.dryRun() ? "Dry run of the import of " : "Importing ") + options.export() + " (WXR "
                + (channel.version() == null ? "1.0" : channel.version()) + ", " + (channel.siteUrl() == null ? "no site URL"
                : channel.siteUrl()) + ", " + attachments.size() + " attachments)"
                + (destination == null ? "" : " into " + destination.description())
                + (options.uploads() == null ? "; no --uploads: images are left out" : "; images from " + uploads.folder()));
        PostConverter converter = new PostConverter(channel, attachments, this::find);
        Instant now = clock.instant();
        Set<String> slugs = new HashSet<>();
        AtomicInteger counter = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(options.threads(), options.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.threads() * 2), new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            reader.read(c -> { }, item -> {
                if (failure.get() != null) {
                    throw failure.get();
                }
                int number = counter.incrementAndGet();
                if (!item.postType().equals("post")) {
                    report.otherItem(item.postType());
                    if (!item.postType().equals("attachment")) {
                        line(number, item.postType() + " " + item.postId() + " \"" + PostConverter.plain(item.title())
                                + "\" skipped: not an article");
                    }
                    return;
                }
                String status = item.status();
                if (status.equals("trash") || status.equals("auto-draft") || status.equals("inherit")) {
                    report.skippedPost(name(item, null), "status " + status);
                    line(number, name(item, null) + " skipped: status " + status);
                    return;
                }
                String slug = PostConverter.slugOf(item);
                if (!slugs.add(slug)) {
                    slug = slug.length() > 180 ? slug.substring(0, 180).replaceAll("-+$", "") + "-" + item.postId()
                            : slug + "-" + item.postId();
                    slugs.add(slug);
                }
                String chosen = slug;
                pool.execute(() -> {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        importPost(number, item, chosen, converter, now);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                });
            });
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        report.print(out);
        if (failure.get() != null) {
            out.println("The import stopped at the failure below. What it wrote is whole (each article with its list items,"
                    + " each batch of comments with its count): run the same command again to complete it.");
            throw failure.get();
        }
        return report;
    }

    private void importPost(int number, Wxr.Item item, String slug, PostConverter converter, Instant now) {
        String name = name(item, slug);
        PostConverter.Post post = converter.convert(item, slug, now);
        PreparedArticle prepared;
        try {
            prepared = ArticleReader.read(post.article(), files);
        } catch (InvalidArticleException e) {
            report.skippedPost(name, "not a valid article: " + e.errors().stream().map(ValidationError::toString)
                    .collect(Collectors.joining("; ")));
            line(number, name + " skipped: not a valid article (see the report)");
            return;
        }
        CommentThreads.Threads threads = CommentThreads.of(slug, item.comments());
        String kind = switch (post.kind()) {
            case PUBLISHED -> "published";
            case SCHEDULED -> "scheduled";
            case UNPUBLISHED -> "unpublished (" + post.reason() + ")";
        };
        if (destination == null) {
            report.stored(post, name, ImportReport.Outcome.CREATED);
            report.wouldUpload(prepared.images().size());
            report.wouldImportComments(threads, name);
            line(number, name + " would be " + kind + comments(threads.approved(), threads.pending()));
            return;
        }
        PublishResult result;
        try {
            result = destination.publisher().publish(prepared, files, Progress.SILENT,
                    new Publisher.Request(null, false, EDITOR, post.kind() == PostConverter.Kind.UNPUBLISHED));
        } catch (PublishConflictException e) {
            report.skippedPost(name, "an article with this slug exists and differs from this post (edited since the import,"
                    + " or another story): not replaced (" + e.differences().size() + " fields differ)");
            line(number, name + " skipped: a different article " + slug + " exists");
            return;
        }
        ImportReport.Outcome outcome = switch (result.outcome()) {
            case CREATED -> ImportReport.Outcome.CREATED;
            case UPDATED -> ImportReport.Outcome.UPDATED;
            case UNCHANGED -> ImportReport.Outcome.UNCHANGED;
        };
        report.stored(post, name, outcome);
        report.images(result.imagesUploaded(), result.imagesSkipped());
        DynamoComments.Imported imported = threads.comments().isEmpty() ? new DynamoComments.Imported(0, 0, 0)
                : destination.comments().importComments(slug, threads.comments(), threads.placeholders(), now);
        report.comments(name, threads, imported.approved(), imported.pending(), imported.present());
        line(number, name + " " + switch (outcome) {
            case CREATED -> "imported, " + kind;
            case UPDATED -> "updated, " + kind;
            case UNCHANGED -> "unchanged";
        } + comments(imported.approved(), imported.pending())
                + (result.imagesUploaded() == 0 ? "" : result.imagesUploaded() == 1 ? ", 1 image uploaded"
                : ", " + result.imagesUploaded() + " images uploaded"));
    }

    private static String comments(int approved, int pending) {
        return approved + pending == 0 ? "" : ", comments: " + approved + " approved, " + pending + " pending";
    }

    private ContentConverter.Media.Found find(String src, Attachments.Attachment attachment) {
        if (options.uploads() == null) {
            return new ContentConverter.Media.Found(null, "no --uploads folder given");
        }
        Optional<String> relative = Uploads.relativePath(src);
        Optional<String> file = relative.flatMap(uploads::find);
        if (file.isEmpty() && attachment != null) {
            Optional<String> attached = Optional.ofNullable(attachment.attachedFile()).filter(path -> !path.isBlank())
                    .or(() -> Uploads.relativePath(attachment.url()));
            file = attached.flatMap(uploads::find);
            relative = relative.or(() -> attached);
        }
        if (file.isPresent()) {
            // An image the editor would refuse leaves its block out, not the whole post.
            String refusal = refusal(file.get());
            return refusal == null ? new ContentConverter.Media.Found(file.get(), null)
                    : new ContentConverter.Media.Found(null, file.get() + " " + refusal);
        }
        return new ContentConverter.Media.Found(null, relative.isEmpty() ? "not under /uploads/: an image of another site"
                : "no file " + relative.get() + " in " + uploads.folder());
    }

    /** Why the editor would refuse an image file (too big, not an image it takes); null when it takes it. */
    private String refusal(String file) {
        try {
            long size = files.size(file);
            if (size > ArticleReader.MAX_IMAGE_BYTES) {
                return "is " + Sizes.human(size) + "; images may be at most " + Sizes.human(ArticleReader.MAX_IMAGE_BYTES);
            }
            ImageSniffer.sniff(files.read(file));
            return null;
        } catch (ImageSniffer.NotAnImageException e) {
            return e.getMessage();
        } catch (IOException e) {
            return "cannot be read: " + e.getMessage();
        }
    }

    private static String name(Wxr.Item item, String slug) {
        return "post " + item.postId() + (slug == null ? "" : " " + slug);
    }

    private void line(int number, String text) {
        synchronized (out) {
            out.println("  [" + number + "] " + text);
        }
    }
}
