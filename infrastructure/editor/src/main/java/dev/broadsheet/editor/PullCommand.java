package dev.broadsheet.editor;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.core.schema.Timestamps;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.publish.ImageBucket;
import dev.broadsheet.editor.publish.StoredArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "pull", description = {
        "Write an article as it is stored into a folder, to edit it without its original files.",
        "DIR/article.json is the article in the editor's format, remembering the version it was pulled at (field"
                + " \"versions\"), with its images as files beside it (hero.png, image-1.jpg, ...). Edit it and publish it:"
                + " the publish is refused, with the differences, if the article changed meanwhile. It leaves out"
                + " \"comments\", so publishing it keeps whatever the article's comments are then."},
        footer = {"", "Examples:",
                "  broadsheet pull city-council-approves-new-bridge --to bridge --local",
                "  broadsheet publish bridge/article.json --local"})
final class PullCommand implements Callable<Integer> {

    static final String FILE_NAME = "article.json";
    /** As people write JSON: {@code "key": value}, one array element a line. */
    private static final DefaultPrettyPrinter EDITABLE = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)).withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    @Parameters(paramLabel = "SLUG", description = "The article's slug.")
    String slug;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "The folder to write into (created if missing).")
    Path folder;

    @Mixin
    TargetOptions.WithBucket target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    PullCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Arguments.slug(spec, slug);
        target.choice(context);
        Path file = folder.resolve(FILE_NAME);
        if (Files.exists(file)) {
            throw new EditorException(file + " exists: pull into another folder (--to DIR), or move it away first");
        }
        try (Target destination = target.open(context)) {
            StoredArticle stored = destination.articles().find(slug).orElseThrow(() ->
                    new EditorException("there is no article " + slug + " in " + destination.description()));
            Article article = stored.article();
            Map<String, String> fileNames = new LinkedHashMap<>();
            ObjectNode json = json(article, destination.id(), fileNames);
            Files.createDirectories(folder);
            ImageBucket images = destination.images();
            for (Map.Entry<String, String> image : fileNames.entrySet()) {
                Files.write(folder.resolve(image.getValue()), verified(image.getKey(), images.get(image.getKey())));
            }
            Files.writeString(file, Json.MAPPER.writer(EDITABLE).writeValueAsString(json) + "\n");
            int count = fileNames.size();
            spec.commandLine().getOut().println("Pulled " + slug + " (version " + article.version() + ", " + article.status()
                    + ", comments " + (article.commentsOpen() ? "open" : "closed") + ") to " + file + " with "
                    + (count == 0 ? "no image files" : count == 1 ? "1 image file" : count + " image files"));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The article in the editor's format; {@code fileNames} gets each image key's file name. */
    private static ObjectNode json(Article article, String targetId, Map<String, String> fileNames) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.putObject("versions").put(targetId, article.version());
        json.put("slug", article.slug());
        json.put("headline", article.headline());
        putIfPresent(json, "summary", article.summary());
        putIfPresent(json, "publishedAt", Timestamps.format(article.publishedAt()));
        ArrayNode tags = json.putArray("tags");
        article.tags().forEach(tags::add);
        if (article.heroImage() != null) {
            json.set("heroImage", image(article.heroImage(), "hero", fileNames));
        }
        ArrayNode body = json.putArray("body");
        for (Block block : article.body()) {
            ObjectNode node = body.addObject().put("type", block.type());
            if (block.image() != null) {
                node.set("image", image(block.image(), "image-" + (fileNames.size() + (article.heroImage() == null ? 1 : 0)), fileNames));
            } else {
                putIfPresent(node, "text", block.text());
                putIfPresent(node, "attribution", block.attribution());
            }
        }
        return json;
    }

    private static ObjectNode image(Image image, String name, Map<String, String> fileNames) {
        String extension = image.key().substring(image.key().lastIndexOf('.') + 1);
        String file = fileNames.computeIfAbsent(image.key(), key -> name + "." + extension);
        ObjectNode node = Json.MAPPER.createObjectNode().put("file", file);
        putIfPresent(node, "alt", image.alt());
        putIfPresent(node, "caption", image.caption());
        putIfPresent(node, "credit", image.credit());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** The key names the bytes' hash: a pulled image is exactly the published one. */
    private static byte[] verified(String key, byte[] bytes) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!name.startsWith(ArticleReader.sha256(bytes) + ".")) {
            throw new EditorException("the stored image " + key + " does not match its hash: the pull stopped; pull again into another folder");
        }
        return bytes;
    }
}
