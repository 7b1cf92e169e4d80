package dev.broadsheet.editor.article;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.editor.article.ArticleDraft.ImageRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the article JSON an editor wrote (the shape {@code GET /articles/{slug}} serves, with image
 * files instead of URLs) and checks all of it, files included, collecting every problem before
 * failing: an editor fixes them in one go, and nothing is uploaded for an article that would be
 * refused. The body's blocks are read by {@link BodyReader}.
 */
public final class ArticleReader {

    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_HEADLINE = 300;
    public static final int MAX_SUMMARY = 1_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_BLOCKS = 1_000;
    public static final int MAX_IMAGES = 50;
    /** DynamoDB items hold at most 400 KB; the text must leave room for the rest. */
    public static final int MAX_TEXT_BYTES = 350_000;

    /** Fields the API serves that an editor does not set: accepted (so a served article can be edited) and ignored. */
    private static final Set<String> SERVED_ONLY = Set.of("updatedAt", "share", "tagDetails", "readingTimeMinutes",
            "openGraph");
    private static final Set<String> ARTICLE_FIELDS = Set.of("slug", "headline", "summary", "publishedAt", "tags",
            "authors", "heroImage", "body", "comments", "versions");
    public static final int MAX_AUTHORS = 10;
    public static final int MAX_NAME = 100;
    private static final Set<String> IMAGE_FIELDS = Set.of("file", "alt", "caption", "credit");
    private static final Set<String> IMAGE_SERVED_ONLY = Set.of("src", "width", "height");

    private final ImageFiles files;
    private final List<ValidationError> errors = new ArrayList<>();
    private int textBytes;

    private ArticleReader(ImageFiles files) {
        this.files = files;
    }

    /** @throws InvalidArticleException with every problem found */
    public static PreparedArticle read(JsonNode json, ImageFiles files) {
        return new ArticleReader(files).prepare(json);
    }

    private PreparedArticle prepare(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidArticleException(List.of(new ValidationError("(article)", "must be a JSON object")));
        }
        unknownFields(json, "", ARTICLE_FIELDS, SERVED_ONLY);
        String slug = text(json, "slug", true, Slugs.MAX_SLUG_LENGTH);
        if (slug != null && !Slugs.isSlug(slug)) {
            error("slug", "must be lower-case letters and digits in words joined by single hyphens, e.g. my-first-article");
        }
        String headline = text(json, "headline", true, MAX_HEADLINE);
        String summary = text(json, "summary", false, MAX_SUMMARY);
        Instant publishedAt = instant(json);
        List<Tag> tags = tags(json.get("tags"), servedNames(json.get("tagDetails")));
        List<Author> authors = authors(json.get("authors"));
        ImageRef hero = json.hasNonNull("heroImage") ? image(json.get("heroImage"), "heroImage") : null;
        BodyReader bodyReader = new BodyReader(this);
        List<Block> body = bodyReader.body(json.get("body"));
        Boolean commentsOpen = commentsOpen(json.get("comments"));
        Map<String, Long> versions = versions(json.get("versions"));
        if (textBytes > MAX_TEXT_BYTES) {
            error("body", "the article's text is " + textBytes + " bytes; at most " + MAX_TEXT_BYTES + " fit in one article");
        }
        ArticleDraft draft = new ArticleDraft(slug, headline, summary, publishedAt, tags, authors, hero, body,
                bodyReader.images(), commentsOpen, versions);
        if (draft.images().size() > MAX_IMAGES) {
            error("body", "has " + draft.images().size() + " images; at most " + MAX_IMAGES + " per article");
        }
        Map<String, PreparedImage> images = new LinkedHashMap<>();
        for (ImageRef ref : draft.images()) {
            if (ref.file() != null && !images.containsKey(ref.file())) {
                PreparedImage image = imageFile(ref);
                if (image != null) {
                    images.put(ref.file(), image);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors);
        }
        return new PreparedArticle(draft, images);
    }

    private Instant instant(JsonNode json) {
        JsonNode value = json.get("publishedAt");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            error("publishedAt", "must be an ISO-8601 UTC time such as 2016-09-13T08:00:00.000Z");
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            error("publishedAt", "must be an ISO-8601 UTC time such as 2016-09-13T08:00:00.000Z, got \"" + value.asText() + "\"");
            return null;
        }
    }

    /**
     * Tags as slugs ({@code "united-states"}, named from their words: "United States") or as
     * {@code {"slug", "name"}} for another name ("USA").
     */
    private List<Tag> tags(JsonNode node, Map<String, String> servedNames) {
        List<Tag> tags = new ArrayList<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        if (!node.isArray()) {
            error("tags", "must be a list of tags, e.g. [\"world\", {\"slug\": \"united-states\", \"name\": \"USA\"}]");
            return tags;
        }
        if (node.size() > MAX_TAGS) {
            error("tags", "has " + node.size() + " tags; at most " + MAX_TAGS);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "tags[" + i + "]";
            JsonNode tag = node.get(i);
            String slug;
            String name = null;
            if (tag.isObject()) {
                unknownFields(tag, field + ".", Set.of("slug", "name"), Set.of());
                slug = tag.path("slug").isTextual() ? tag.get("slug").asText() : null;
                name = text(tag, field, "name", false, MAX_NAME);
                field += ".slug";
            } else {
                slug = tag.isTextual() ? tag.asText() : null;
            }
            if (!Slugs.isTag(slug)) {
                error(field, "must be lower-case letters and digits in words joined by hyphens, at most "
                        + Slugs.MAX_TAG_LENGTH + " characters");
            } else if (!seen.add(slug)) {
                error(field, "\"" + slug + "\" is listed twice");
            } else {
                String shown = name != null ? name : servedNames.get(slug);
                tags.add(shown == null ? Tag.of(slug) : new Tag(slug, shown));
            }
        }
        return tags;
    }

    /** The names a served article's {@code tagDetails} gives, so that editing it back keeps them. */
    private static Map<String, String> servedNames(JsonNode details) {
        Map<String, String> names = new LinkedHashMap<>();
        if (details != null && details.isArray()) {
            details.forEach(detail -> {
                if (detail.path("slug").isTextual() && detail.path("name").isTextual() && !detail.get("name").asText().isBlank()
                        && detail.get("name").asText().length() <= MAX_NAME
                        && detail.get("name").asText().chars().noneMatch(Character::isISOControl)) {
                    names.put(detail.get("slug").asText(), detail.get("name").asText());
                }
            });
        }
        return names;
    }

    /** The byline: {@code [{"name": "Jane Doe", "slug": "jane-doe"}]}, the slug made from the name when absent. */
    private List<Author> authors(JsonNode node) {
        List<Author> authors = new ArrayList<>();
        if (node == null || node.isNull()) {
            return authors;
        }
        if (!node.isArray()) {
            error("authors", "must be a list of authors, e.g. [{\"name\": \"Jane Doe\"}]");
            return authors;
        }
        if (node.size() > MAX_AUTHORS) {
            error("authors", "has " + node.size() + " authors; at most " + MAX_AUTHORS);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "authors[" + i + "]";
            JsonNode author = node.get(i);
            if (!author.isObject()) {
                error(field, "must be an object such as {\"name\": \"Jane Doe\", \"slug\": \"jane-doe\"}");
                continue;
            }
            unknownFields(author, field + ".", Set.of("name", "slug"), Set.of());
            String name = text(author, field, "name", true, MAX_NAME);
            String slug = text(author, field, "slug", false, Slugs.MAX_TAG_LENGTH);
            if (slug == null && name != null) {
                slug = Slugs.fromWords(name);
                if (slug.isEmpty()) {
                    error(field + ".slug", "is required when the name has no letters or digits to make one of");
                    continue;
                }
            }
            if (slug != null && !Slugs.isTag(slug)) {
                error(field + ".slug", "must be lower-case letters and digits in words joined by hyphens, at most "
                        + Slugs.MAX_TAG_LENGTH + " characters");
            } else if (slug != null && !seen.add(slug)) {
                error(field + ".slug", "\"" + slug + "\" is listed twice");
            } else if (name != null) {
                authors.add(new Author(name, slug));
            }
        }
        return authors;
    }

    ImageRef image(JsonNode node, String field) {
        if (!node.isObject()) {
            error(field, "must be an object: {\"file\": \"...\", \"alt\": \"...\"}");
            return new ImageRef(field, null, null, null, null);
        }
        unknownFields(node, field + ".", IMAGE_FIELDS, IMAGE_SERVED_ONLY);
        String file = null;
        JsonNode fileNode = node.get("file");
        if (fileNode == null || fileNode.isNull() || fileNode.asText().isBlank()) {
            error(field + ".file", node.has("src")
                    ? "is required: the image file's path, relative to the JSON file (src is what the API serves; publish uploads files)"
                    : "is required: the image file's path, relative to the JSON file");
        } else if (!fileNode.isTextual()) {
            error(field + ".file", "must be a file path");
        } else {
            file = fileNode.asText();
        }
        String alt = text(node, field, "alt", true, MAX_SUMMARY);
        return new ImageRef(field, file, alt, text(node, field, "caption", false, MAX_SUMMARY),
                text(node, field, "credit", false, MAX_HEADLINE));
    }

    /** Reads, checks and hashes one file; the bytes are not kept (the upload reads them again and checks the hash). */
    private PreparedImage imageFile(ImageRef ref) {
        String field = ref.field() + ".file";
        String location = files.location(ref.file());
        try {
            long size = files.size(ref.file());
            if (size == 0) {
                error(field, location + " is empty");
                return null;
            }
            if (size > MAX_IMAGE_BYTES) {
                error(field, location + " is " + Sizes.human(size) + "; images may be at most " + Sizes.human(MAX_IMAGE_BYTES));
                return null;
            }
            byte[] bytes = files.read(ref.file());
            ImageInfo info = ImageSniffer.sniff(bytes);
            return new PreparedImage(ref.file(), location, bytes.length, sha256(bytes), info);
        } catch (NoSuchFileException e) {
            error(field, location + " does not exist (paths are relative to the article JSON file)");
        } catch (IOException e) {
            error(field, location + " cannot be read: " + e.getMessage());
        } catch (ImageSniffer.NotAnImageException e) {
            error(field, location + " " + e.getMessage());
        }
        return null;
    }

    private Boolean commentsOpen(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error("comments", "must be an object such as {\"open\": true}");
            return null;
        }
        unknownFields(node, "comments.", Set.of("open"), Set.of("count"));
        JsonNode open = node.get("open");
        if (open == null || open.isNull()) {
            return null;
        }
        if (!open.isBoolean()) {
            error("comments.open", "must be true or false");
            return null;
        }
        return open.booleanValue();
    }

    /** Written by publish and pull: {"local": 3, "eu-west-1/broadsheet-ArticlesTable-1AB2": 7}. */
    private Map<String, Long> versions(JsonNode node) {
        Map<String, Long> versions = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return versions;
        }
        if (!node.isObject()) {
            error("versions", "must be an object of versions by target, as publish and pull write it, e.g. {\"local\": 3}");
            return versions;
        }
        node.fields().forEachRemaining(entry -> {
            if (!entry.getValue().canConvertToLong() || !entry.getValue().isIntegralNumber() || entry.getValue().asLong() < 1) {
                error("versions." + entry.getKey(), "must be a version number (1 or more)");
            } else {
                versions.put(entry.getKey(), entry.getValue().asLong());
            }
        });
        return versions;
    }

    private String text(JsonNode node, String name, boolean required, int maxLength) {
        return text(node, "", name, required, maxLength);
    }

    String text(JsonNode node, String parent, String name, boolean required, int maxLength) {
        String field = parent.isEmpty() ? name : parent + "." + name;
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            error(field, "must be text");
            return null;
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            error(field, "is " + text.length() + " characters; at most " + maxLength);
        }
        checkText(text, field);
        return text;
    }

    /** Refuses control characters but line breaks and tabs, and counts the text towards the article's size. */
    boolean checkText(String text, String field) {
        countText(text);
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            error(field, "contains control characters (only line breaks and tabs are allowed)");
            return false;
        }
        return true;
    }

    void countText(String text) {
        textBytes += text.getBytes(StandardCharsets.UTF_8).length;
    }

    void unknownFields(JsonNode node, String prefix, Set<String> known, Set<String> ignored) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name) && !ignored.contains(name)) {
                error(prefix + name, "is not a field of " + (prefix.isEmpty() ? "an article" : prefix.substring(0, prefix.length() - 1))
                        + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    void error(String field, String message) {
        errors.add(new ValidationError(field, message));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
