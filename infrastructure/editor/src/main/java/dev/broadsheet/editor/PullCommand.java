package dev.broadsheet.editor;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.schema.Timestamps;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.JsonWriter;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Block types whose served {@code text} is derived from their other fields (a code block's is the code). */
    private static final Set<String> DERIVED_TEXT = Set.of("list", "table", "image", "gallery", "embed", "separator");
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
    private static ObjectNode json(Article article, String targetId, Map<String, String> fileNames) throws IOException {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.putObject("versions").put(targetId, article.version());
        json.put("slug", article.slug());
        json.put("headline", article.headline());
        putIfPresent(json, "summary", article.summary());
        putIfPresent(json, "publishedAt", Timestamps.format(article.publishedAt()));
        ArrayNode tags = json.putArray("tags");
        // A tag named otherwise than its words goes back as {slug, name}, so publishing the file keeps the name.
        article.tags().forEach(tag -> {
            if (tag.equals(Tag.of(tag.slug()))) {
                tags.add(tag.slug());
            } else {
                tags.addObject().put("slug", tag.slug()).put("name", tag.name());
            }
        });
        if (!article.authors().isEmpty()) {
            ArrayNode authors = json.putArray("authors");
            article.authors().forEach(author -> authors.addObject().put("name", author.name()).put("slug", author.slug()));
        }
        if (article.heroImage() != null) {
            json.set("heroImage", image(article.heroImage(), "hero", fileNames));
        }
        ArrayNode body = json.putArray("body");
        int offset = article.heroImage() == null ? 1 : 0;
        for (Block block : article.body()) {
            // The block as the API serves it, its images as files (image-1.jpg, ...), then as an editor writes it.
            String served = JsonWriter.write(out -> block.writeJson(out, image -> images -> {
                String file = fileName(image, "image-" + (fileNames.size() + offset), fileNames);
                images.beginObject().field("file", file).field("alt", image.alt()).field("caption", image.caption())
                        .field("credit", image.credit()).endObject();
            }));
            body.add(editable((ObjectNode) Json.MAPPER.readTree(served)));
        }
        return json;
    }

    private static ObjectNode image(Image image, String name, Map<String, String> fileNames) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("file", fileName(image, name, fileNames));
        putIfPresent(node, "alt", image.alt());
        putIfPresent(node, "caption", image.caption());
        putIfPresent(node, "credit", image.credit());
        return node;
    }

    /** The file an image is pulled into: one per key, so an image shown twice is one file. */
    private static String fileName(Image image, String name, Map<String, String> fileNames) {
        String extension = image.key().substring(image.key().lastIndexOf('.') + 1);
        return fileNames.computeIfAbsent(image.key(), key -> name + "." + extension);
    }

    /**
     * A served block as an editor writes it: content that is plain text (no marks, no links) as
     * {@code "text"}, a list item or table cell that is only text as a string, and no derived
     * plain-text forms (publish derives them from the content).
     */
    private static ObjectNode editable(ObjectNode node) {
        JsonNode content = node.get("content");
        if (content != null) {
            String plain = plainText(content);
            if (plain != null) {
                node.put("text", plain);
                node.remove("content");
            } else {
                node.remove("text");
            }
        }
        if (DERIVED_TEXT.contains(node.path("type").asText())) {
            node.remove("text");
        }
        if (node.has("list")) {
            editable((ObjectNode) node.get("list"));
        }
        for (String cells : List.of("items", "header")) {
            if (node.has(cells)) {
                textOnly((ArrayNode) node.get(cells));
            }
        }
        if (node.has("rows")) {
            node.get("rows").forEach(row -> textOnly((ArrayNode) row));
        }
        return node;
    }

    private static void textOnly(ArrayNode cells) {
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = editable((ObjectNode) cells.get(i));
            if (cell.size() == 1 && cell.has("text")) {
                cells.set(i, cell.get("text"));
            }
        }
    }

    /** The spans as plain text, breaks as line breaks; null when a span has marks or a link. */
    private static String plainText(JsonNode spans) {
        StringBuilder text = new StringBuilder();
        for (JsonNode span : spans) {
            if (span.has("break")) {
                text.append('\n');
            } else if (span.size() == 1) {
                text.append(span.get("text").asText());
            } else {
                return null;
            }
        }
        return text.toString();
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
