package dev.broadsheet.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.article.ImageFiles;
import dev.broadsheet.editor.article.PreparedArticle;
import dev.broadsheet.editor.article.InvalidArticleException;
import dev.broadsheet.editor.article.PreparedImage;
import dev.broadsheet.editor.article.Sizes;
import dev.broadsheet.editor.article.ValidationError;
import dev.broadsheet.editor.publish.Progress;
import dev.broadsheet.editor.publish.PublishResult;
import dev.broadsheet.editor.publish.Publisher;
import dev.broadsheet.editor.destination.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "publish", description = {
        "Publish an article with its images, or update it.",
        "Validates the JSON and its image files first (nothing is uploaded if anything is wrong), uploads the images",
        "(those already there are skipped), then writes the article, refused if someone else changed it meanwhile.",
        "Re-running the same publish changes nothing."})
final class PublishCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ARTICLE.json", description = "The article (format: README, \"The editor\"); image paths are relative to it.")
    Path file;

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    PublishCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImageFiles files = ImageFiles.in(folder());
        PreparedArticle prepared;
        try {
            // Before connecting anywhere: a wrong article needs no credentials to be told so.
            prepared = ArticleReader.read(readJson(), files);
        } catch (InvalidArticleException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("broadsheet: " + file + " was not published, nothing was uploaded: " + e.getMessage());
            for (ValidationError error : e.errors()) {
                err.println("  " + error);
            }
            return Editor.FAILED;
        }
        try (Target destination = target.open(context)) {
            out.println("Publishing " + file + " (" + prepared.images().size() + " image files) to " + destination.description());
            Publisher publisher = new Publisher(destination.articles(), destination.images(), context.clock());
            PublishResult result = publisher.publish(prepared, files, new ConsoleProgress(out));
            String link = destination.apiUrl() == null ? "" : ": " + destination.apiUrl() + "/articles/" + result.slug();
            switch (result.outcome()) {
                case UNCHANGED -> out.println("Unchanged: " + result.slug() + " is already published exactly so (version "
                        + result.version() + "); nothing written" + link);
                case CREATED -> out.println("Published " + result.slug() + " (version " + result.version() + ")" + link);
                case UPDATED -> out.println("Updated " + result.slug() + " (version " + result.version() + ")" + link);
            }
            return 0;
        }
    }

    private Path folder() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private JsonNode readJson() {
        if (!Files.isRegularFile(file)) {
            throw new EditorException(file + " does not exist");
        }
        try {
            return Json.MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new EditorException(file + " is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EditorException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** One line per image: name, size, then uploaded or skipped. */
    private record ConsoleProgress(PrintWriter out) implements Progress {
        @Override
        public void uploading(PreparedImage image, String key) {
            out.printf("  %-32s %10s  %s ... ", image.file(), Sizes.human(image.size()), image.info().format().contentType());
            out.flush();
        }

        @Override
        public void uploaded(PreparedImage image, String key, boolean uploaded) {
            out.println((uploaded ? "uploaded " : "skipped (already uploaded) ") + key);
        }
    }
}
