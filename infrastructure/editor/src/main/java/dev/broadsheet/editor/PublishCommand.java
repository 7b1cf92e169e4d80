package dev.broadsheet.editor;

import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.article.ImageFiles;
import dev.broadsheet.editor.article.InvalidArticleException;
import dev.broadsheet.editor.article.PreparedArticle;
import dev.broadsheet.editor.article.PreparedImage;
import dev.broadsheet.editor.article.Sizes;
import dev.broadsheet.editor.article.ValidationError;
import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.publish.ArticleDiff;
import dev.broadsheet.editor.publish.Progress;
import dev.broadsheet.editor.publish.PublishConflictException;
import dev.broadsheet.editor.publish.PublishResult;
import dev.broadsheet.editor.publish.Publisher;
import dev.broadsheet.editor.terminal.DisplayWidth;
import dev.broadsheet.editor.terminal.TerminalText;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Timestamps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "publish", description = {
        "Publish an article with its images, or update it.",
        "The JSON and its image files are checked first (nothing is uploaded if anything is wrong); then the images"
                + " that are not there yet are uploaded and the article is written. An article that was changed since"
                + " this file was published or pulled is not replaced: the differences are shown, and --overwrite"
                + " replaces it. A file never published or pulled does not replace an existing article of the same slug."
                + " After a publish the file remembers the version it made (field \"versions\"). Re-running the same"
                + " publish changes nothing."},
        footer = {"", "Examples:",
                "  broadsheet publish article.json --local",
                "  broadsheet publish article.json --stack broadsheet --profile editor --region eu-west-1",
                "  broadsheet publish article.json --local --overwrite"})
final class PublishCommand implements Callable<Integer> {

    /** Differences shown when a publish is refused; the rest are counted. */
    private static final int MAX_DIFFERENCES = 30;

    @Parameters(paramLabel = "ARTICLE.json", description = "The article (format: README, \"The article JSON\"); image paths are relative to it.")
    Path file;

    @Option(names = "--overwrite", description = "Replace the stored article even if it changed since this file's version,"
            + " or if this file was never published as it or pulled from it.")
    boolean overwrite;

    @Mixin
    TargetOptions.WithBucket target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    PublishCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        target.choice(context);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArticleFile articleFile = ArticleFile.read(file);
        ImageFiles files = ImageFiles.in(articleFile.folder());
        PreparedArticle prepared;
        try {
            // Before connecting anywhere: a wrong article needs no credentials to be told so.
            prepared = ArticleReader.read(articleFile.json(), files);
        } catch (InvalidArticleException e) {
            err.println("broadsheet: " + file + " was not published, nothing was uploaded: " + e.getMessage());
            for (ValidationError error : e.errors()) {
                err.println("  " + error);
            }
            return Editor.FAILED;
        }
        try (Target destination = target.open(context)) {
            int images = prepared.images().size();
            out.println("Publishing " + file + " (" + (images == 0 ? "no image files" : images == 1 ? "1 image file"
                    : images + " image files") + ") to " + destination.description());
            Publisher publisher = new Publisher(destination.articles(), destination.images(), context.clock());
            Publisher.Request request = new Publisher.Request(prepared.draft().versions().get(destination.id()), overwrite,
                    context.editorName());
            PublishResult result;
            try {
                result = publisher.publish(prepared, files, new ConsoleProgress(out), request);
            } catch (PublishConflictException e) {
                printRefusal(err, e, prepared.draft().slug());
                return Editor.FAILED;
            }
            if (result.imagesSkipped() > 0) {
                int all = result.imagesSkipped() + result.imagesUploaded();
                out.println("  " + result.imagesSkipped() + " of " + all + (all == 1 ? " image" : " images") + " already uploaded");
            }
            String link = destination.apiUrl() == null ? "" : ": " + destination.apiUrl() + "/articles/" + result.slug();
            out.println(switch (result.outcome()) {
                case UNCHANGED -> "Unchanged: " + result.slug() + " is already published exactly so (version " + result.version()
                        + "); nothing written" + link;
                case CREATED -> "Published " + result.slug() + " (version " + result.version() + ")" + link;
                case UPDATED -> "Updated " + result.slug() + " (version " + result.version() + ")" + link;
            });
            if (ArticleSchema.isScheduled(ArticleSchema.PUBLISHED, result.publishedAt(), context.clock().instant())) {
                out.println("  Scheduled for " + Timestamps.format(result.publishedAt())
                        + ": not served, listed or in any feed before then (broadsheet list shows it as scheduled)");
            }
            for (String note : result.notes()) {
                out.println("  " + note);
            }
            Long remembered = prepared.draft().versions().get(destination.id());
            if ((remembered == null || remembered != result.version()) && !articleFile.recordVersion(destination.id(), result.version())) {
                err.println("broadsheet: " + file + " changed meanwhile or cannot be written, so it does not remember this"
                        + " publish: add \"versions\": {\"" + destination.id() + "\": " + result.version() + "} to it, or the next"
                        + " publish of it is refused as another article with this slug");
            }
            return 0;
        }
    }

    private void printRefusal(PrintWriter err, PublishConflictException e, String slug) {
        err.println("broadsheet: " + e.getMessage() + (e.differences().isEmpty() ? "" : ":"));
        int width = Math.max(20, context.columns() - 12);
        List<ArticleDiff.Difference> differences = e.differences();
        for (ArticleDiff.Difference difference : differences.subList(0, Math.min(MAX_DIFFERENCES, differences.size()))) {
            err.println("  " + difference.field());
            err.println("    theirs: " + shown(difference.theirs(), width));
            err.println("    yours:  " + shown(difference.yours(), width));
        }
        if (differences.size() > MAX_DIFFERENCES) {
            err.println("  … and " + (differences.size() - MAX_DIFFERENCES) + " more");
        }
        if (!differences.isEmpty()) {
            err.println("Nothing was written. To keep their changes, pull the article into another folder (broadsheet pull "
                    + slug + " --to DIR), make your change there and publish that file; to replace theirs with this file,"
                    + " publish it with --overwrite.");
        }
    }

    private static String shown(String value, int width) {
        return value == null ? "(none)" : DisplayWidth.truncate(TerminalText.oneLine(value), width);
    }

    /** A line per image uploaded; images already there are only counted (see the line after them). */
    private record ConsoleProgress(PrintWriter out) implements Progress {
        @Override
        public void uploading(PreparedImage image, String key) {
            out.printf("  %-32s %10s  %s ... ", image.file(), Sizes.human(image.size()), image.info().format().contentType());
            out.flush();
        }

        @Override
        public void uploaded(PreparedImage image, String key) {
            out.println("uploaded " + key);
        }
    }
}
