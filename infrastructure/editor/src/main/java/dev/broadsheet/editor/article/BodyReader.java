package dev.broadsheet.editor.article;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Block.Cell;
import dev.broadsheet.articles.model.Block.ListBlock;
import dev.broadsheet.articles.model.Block.ListItem;
import dev.broadsheet.articles.model.EmbedProvider;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Links;
import dev.broadsheet.articles.model.Mark;
import dev.broadsheet.articles.model.Span;
import dev.broadsheet.editor.article.ArticleDraft.ImageRef;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks an article's {@code body} (the block types of {@link Block}), reporting each
 * problem to the {@link ArticleReader} with its JSON path ({@code body[3].items[1].content[0].href})
 * and the rule. Text blocks, list items and table cells take {@code "text": "plain text"} (one
 * unmarked span a line, line breaks between) or {@code "content": [spans]}; span text is
 * normalised to NFC and neighbouring spans set alike are merged.
 */
final class BodyReader {

    static final int MAX_SPANS = 1_000;
    static final int MAX_LIST_ITEMS = 1_000;
    static final int MAX_TABLE_ROWS = 1_000;
    static final int MAX_TABLE_COLUMNS = 50;
    static final List<String> TYPES = List.of("paragraph", "heading", "quote", "list", "code", "table", "image", "gallery",
            "embed", "separator");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z0-9+#.-]{1,30}");
    private static final String SPAN_EXAMPLE = "{\"text\": \"...\", \"marks\": [\"em\"], \"href\": \"https://...\"} or {\"break\": true}";
    private static final String MARKS = String.join(", ", Arrays.stream(Mark.values()).map(Mark::id).toList());

    private final ArticleReader reader;
    private final List<ImageRef> images = new ArrayList<>();

    BodyReader(ArticleReader reader) {
        this.reader = reader;
    }

    /** The images of the blocks read, in order. */
    List<ImageRef> images() {
        return images;
    }

    List<Block> body(JsonNode node) {
        List<Block> body = new ArrayList<>();
        // An empty list is a body: a post of a headline alone exists (WordPress has them, and imports them).
        if (node == null || node.isNull()) {
            reader.error("body", "is required: a list of blocks such as {\"type\": \"paragraph\", \"text\": \"...\"} ([] for none)");
            return body;
        }
        if (!node.isArray()) {
            reader.error("body", "must be a list of blocks");
            return body;
        }
        if (node.size() > ArticleReader.MAX_BLOCKS) {
            reader.error("body", "has " + node.size() + " blocks; at most " + ArticleReader.MAX_BLOCKS);
        }
        for (int i = 0; i < node.size(); i++) {
            Block block = block(node.get(i), "body[" + i + "]");
            if (block != null) {
                body.add(block);
            }
        }
        return body;
    }

    private Block block(JsonNode block, String field) {
        if (!block.isObject()) {
            reader.error(field, "must be an object with a type");
            return null;
        }
        String type = block.path("type").asText("");
        if (!TYPES.contains(type)) {
            reader.error(field + ".type", "must be one of " + String.join(", ", TYPES) + (type.isEmpty() ? "" : ", got \"" + type + "\""));
            return null;
        }
        String prefix = field + ".";
        switch (type) {
            case "paragraph" -> {
                // Served articles had null image and attribution fields on every block: still ignored.
                reader.unknownFields(block, prefix, Set.of("type", "text", "content"), Set.of("image", "attribution"));
                List<Span> content = inline(block, field, true);
                return content == null ? null : new Block.Paragraph(content);
            }
            case "heading" -> {
                reader.unknownFields(block, prefix, Set.of("type", "level", "text", "content"), Set.of("image", "attribution"));
                int level = level(block.get("level"), prefix + "level");
                List<Span> content = inline(block, field, true);
                return content == null ? null : new Block.Heading(level, content);
            }
            case "quote" -> {
                reader.unknownFields(block, prefix, Set.of("type", "text", "content", "attribution", "cite"), Set.of("image"));
                String attribution = reader.text(block, field, "attribution", false, ArticleReader.MAX_HEADLINE);
                String cite = reader.text(block, field, "cite", false, Links.MAX_LENGTH);
                if (cite != null && !Links.isWebUrl(cite)) {
                    reader.error(prefix + "cite", "must be the source's absolute http: or https: URL, got " + quoted(cite));
                }
                List<Span> content = inline(block, field, true);
                return content == null ? null : new Block.Quote(content, attribution, cite);
            }
            case "list" -> {
                reader.unknownFields(block, prefix, Set.of("type", "ordered", "items"), Set.of("text"));
                return list(block, field, 1);
            }
            case "code" -> {
                reader.unknownFields(block, prefix, Set.of("type", "text", "language"), Set.of());
                String code = reader.text(block, field, "text", true, Integer.MAX_VALUE);
                String language = reader.text(block, field, "language", false, Integer.MAX_VALUE);
                if (language != null && !LANGUAGE.matcher(language).matches()) {
                    reader.error(prefix + "language", "must be 1 to 30 of a-z, 0-9, +, #, . and - (e.g. python, c++, c#), got "
                            + quoted(language));
                }
                return code == null ? null : new Block.Code(code, language);
            }
            case "table" -> {
                reader.unknownFields(block, prefix, Set.of("type", "caption", "header", "rows"), Set.of("text"));
                return table(block, field);
            }
            case "image" -> {
                reader.unknownFields(block, prefix, Set.of("type", "image"), Set.of("text"));
                if (!block.hasNonNull("image")) {
                    reader.error(prefix + "image", "is required for an image block: {\"file\": \"...\", \"alt\": \"...\"}");
                    return null;
                }
                return new Block.ImageBlock(image(block.get("image"), prefix + "image"));
            }
            case "gallery" -> {
                reader.unknownFields(block, prefix, Set.of("type", "images", "caption"), Set.of("text"));
                String caption = reader.text(block, field, "caption", false, ArticleReader.MAX_SUMMARY);
                JsonNode list = block.get("images");
                if (list == null || !list.isArray() || list.size() < Block.Gallery.MIN_IMAGES) {
                    reader.error(prefix + "images", "is required: a list of at least " + Block.Gallery.MIN_IMAGES
                            + " images {\"file\": \"...\", \"alt\": \"...\"} (one image is an image block)");
                    return null;
                }
                List<Image> gallery = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    gallery.add(image(list.get(i), prefix + "images[" + i + "]"));
                }
                return new Block.Gallery(gallery, caption);
            }
            case "embed" -> {
                reader.unknownFields(block, prefix, Set.of("type", "provider", "url", "caption"), Set.of("text"));
                return embed(block, field);
            }
            default -> {
                reader.unknownFields(block, prefix, Set.of("type"), Set.of("text"));
                return new Block.Separator();
            }
        }
    }

    private int level(JsonNode level, String field) {
        if (level == null || level.isNull()) {
            return Block.Heading.DEFAULT_LEVEL;
        }
        if (!level.isIntegralNumber() || level.asInt() < Block.Heading.MIN_LEVEL || level.asInt() > Block.Heading.MAX_LEVEL) {
            reader.error(field, "must be 2, 3 or 4 (the headline is level 1)");
            return Block.Heading.DEFAULT_LEVEL;
        }
        return level.asInt();
    }

    private ListBlock list(JsonNode node, String field, int depth) {
        String prefix = field + ".";
        Boolean ordered = bool(node.get("ordered"), prefix + "ordered");
        JsonNode items = node.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            reader.error(prefix + "items", "is required: a list of items, each \"text\" or {\"content\": [...], \"list\": {...}}");
            return null;
        }
        if (items.size() > MAX_LIST_ITEMS) {
            reader.error(prefix + "items", "has " + items.size() + " items; at most " + MAX_LIST_ITEMS);
        }
        List<ListItem> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ListItem item = item(items.get(i), prefix + "items[" + i + "]", depth);
            if (item != null) {
                read.add(item);
            }
        }
        return new ListBlock(Boolean.TRUE.equals(ordered), read);
    }

    private ListItem item(JsonNode node, String field, int depth) {
        if (node.isTextual()) {
            List<Span> content = plain(node.asText(), field, true);
            return content == null ? null : new ListItem(content, null);
        }
        if (!node.isObject()) {
            reader.error(field, "must be the item's text or {\"content\": [...], \"list\": {...}}");
            return null;
        }
        reader.unknownFields(node, field + ".", Set.of("text", "content", "list"), Set.of());
        ListBlock nested = null;
        JsonNode list = node.get("list");
        if (list != null && !list.isNull()) {
            if (depth >= ListBlock.MAX_DEPTH) {
                reader.error(field + ".list", "lists nest at most " + ListBlock.MAX_DEPTH + " levels deep");
            } else if (!list.isObject()) {
                reader.error(field + ".list", "must be a list: {\"ordered\": false, \"items\": [...]}");
            } else {
                reader.unknownFields(list, field + ".list.", Set.of("ordered", "items"), Set.of());
                nested = list(list, field + ".list", depth + 1);
            }
        }
        // An item may be only the holder of a nested list.
        List<Span> content = inline(node, field, nested == null);
        return content == null ? null : new ListItem(content, nested);
    }

    private Block.Table table(JsonNode node, String field) {
        String prefix = field + ".";
        String caption = reader.text(node, field, "caption", false, ArticleReader.MAX_SUMMARY);
        List<Cell> header = List.of();
        JsonNode headerNode = node.get("header");
        if (headerNode != null && !headerNode.isNull()) {
            header = row(headerNode, prefix + "header");
        }
        JsonNode rows = node.get("rows");
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            reader.error(prefix + "rows", "is required: a list of rows, each a list of cells (\"text\" or {\"content\": [...]})");
            return null;
        }
        if (rows.size() > MAX_TABLE_ROWS) {
            reader.error(prefix + "rows", "has " + rows.size() + " rows; at most " + MAX_TABLE_ROWS);
        }
        List<List<Cell>> read = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            read.add(row(rows.get(i), prefix + "rows[" + i + "]"));
        }
        return new Block.Table(caption, header, read);
    }

    private List<Cell> row(JsonNode node, String field) {
        if (!node.isArray() || node.isEmpty()) {
            reader.error(field, "must be a list of cells, each \"text\" or {\"content\": [...]}");
            return List.of();
        }
        if (node.size() > MAX_TABLE_COLUMNS) {
            reader.error(field, "has " + node.size() + " cells; at most " + MAX_TABLE_COLUMNS);
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String cellField = field + "[" + i + "]";
            JsonNode cell = node.get(i);
            List<Span> content = null;
            if (cell.isTextual()) {
                content = plain(cell.asText(), cellField, false);
            } else if (cell.isObject()) {
                reader.unknownFields(cell, cellField + ".", Set.of("text", "content"), Set.of());
                content = inline(cell, cellField, false);
            } else {
                reader.error(cellField, "must be the cell's text or {\"content\": [...]}");
            }
            if (content != null) {
                cells.add(new Cell(content));
            }
        }
        return cells;
    }

    private Block.Embed embed(JsonNode node, String field) {
        String prefix = field + ".";
        String id = reader.text(node, field, "provider", true, Integer.MAX_VALUE);
        EmbedProvider provider = EmbedProvider.of(id);
        if (id != null && provider == null) {
            reader.error(prefix + "provider", "must be one of " + String.join(", ", EmbedProvider.ids()) + ", got " + quoted(id));
        }
        String url = reader.text(node, field, "url", true, Links.MAX_LENGTH);
        String caption = reader.text(node, field, "caption", false, ArticleReader.MAX_SUMMARY);
        if (url == null || provider == null) {
            return null;
        }
        if (!provider.accepts(url)) {
            reader.error(prefix + "url", "must be an https: URL of " + provider.id() + " (on " + String.join(", ", provider.hosts())
                    + "), got " + quoted(url));
            return null;
        }
        return new Block.Embed(provider, url, caption);
    }

    private Image image(JsonNode node, String field) {
        ImageRef ref = reader.image(node, field);
        images.add(ref);
        return ref.draft();
    }

    /**
     * The inline content of a block, item or cell: {@code content} (spans), else {@code text}. When
     * both are given (a served article has both), {@code text} is the derived plain-text form and
     * is not read (BODY-SPEC: never taken from the file when content is given).
     *
     * @return null when it is missing (and required) or invalid
     */
    private List<Span> inline(JsonNode node, String field, boolean required) {
        String prefix = field + ".";
        JsonNode content = node.get("content");
        if (content == null || content.isNull()) {
            JsonNode text = node.get("text");
            if (text != null && !text.isNull() && !text.isTextual()) {
                reader.error(prefix + "text", "must be text");
                return null;
            }
            return plain(text == null || text.isNull() ? "" : text.asText(), prefix + "text", required);
        }
        if (!content.isArray()) {
            reader.error(prefix + "content", "must be a list of spans, each " + SPAN_EXAMPLE);
            return null;
        }
        if (content.size() > MAX_SPANS) {
            reader.error(prefix + "content", "has " + content.size() + " spans; at most " + MAX_SPANS);
            return null;
        }
        List<Span> spans = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < content.size(); i++) {
            Span span = span(content.get(i), prefix + "content[" + i + "]");
            valid &= span != null;
            if (span != null) {
                spans.add(span);
            }
        }
        if (!valid) {
            return null;
        }
        spans = Span.merged(spans);
        if (required && Span.text(spans).isBlank()) {
            reader.error(prefix + "content", "is required: at least one span with text");
            return null;
        }
        // A "text" beside "content" (as the API serves both) is the derived plain-text form: not read.
        return spans;
    }

    /** {@code "text": "..."}: one unmarked span a line, breaks between. */
    private List<Span> plain(String text, String field, boolean required) {
        if (required && text.isBlank()) {
            reader.error(field, "is required");
            return null;
        }
        if (text.isEmpty()) {
            return List.of();
        }
        if (!reader.checkText(text, field)) {
            return null;
        }
        return Span.plain(nfc(text));
    }

    private Span span(JsonNode node, String field) {
        if (!node.isObject()) {
            reader.error(field, "must be a span: " + SPAN_EXAMPLE);
            return null;
        }
        if (node.has("break")) {
            if (!node.get("break").isBoolean() || !node.get("break").booleanValue() || node.size() != 1) {
                reader.error(field, "a line break is exactly {\"break\": true}");
                return null;
            }
            return new Span.Break();
        }
        reader.unknownFields(node, field + ".", Set.of("text", "marks", "href"), Set.of());
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isEmpty()) {
            reader.error(field + ".text", "is required: a span's text is not empty (a line break is {\"break\": true})");
            return null;
        }
        if (text.asText().indexOf('\n') >= 0) {
            reader.error(field + ".text", "contains a line break: end the span there and add {\"break\": true}");
            return null;
        }
        if (!reader.checkText(text.asText(), field + ".text")) {
            return null;
        }
        List<Mark> marks = marks(node.get("marks"), field + ".marks");
        String href = null;
        JsonNode link = node.get("href");
        if (link != null && !link.isNull()) {
            if (!link.isTextual() || !Links.isHref(link.asText())) {
                reader.error(field + ".href", "must be an absolute http:, https: or mailto: URL (at most " + Links.MAX_LENGTH
                        + " characters, no spaces), got " + quoted(link.asText()));
                return null;
            }
            href = link.asText();
            reader.countText(href);
        }
        return marks == null ? null : new Span.Text(nfc(text.asText()), marks, href);
    }

    private List<Mark> marks(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            reader.error(field, "must be a list of marks: " + MARKS);
            return null;
        }
        Set<Mark> marks = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Mark mark = Mark.of(node.get(i).asText(null));
            if (mark == null) {
                reader.error(field + "[" + i + "]", "must be one of " + MARKS + ", got " + node.get(i));
                return null;
            }
            if (!marks.add(mark)) {
                reader.error(field + "[" + i + "]", "\"" + mark.id() + "\" is listed twice");
                return null;
            }
        }
        return List.copyOf(marks);
    }

    private Boolean bool(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            reader.error(field, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A value as the message quotes it: at most 100 characters. */
    private static String quoted(String value) {
        return "\"" + (value.length() > 100 ? value.substring(0, 100) + "…" : value) + "\"";
    }
}
