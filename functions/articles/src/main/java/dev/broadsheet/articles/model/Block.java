package dev.broadsheet.articles.model;

import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One block of an article body. Inline content is a list of {@link Span}s (plain text with marks and
 * links, never HTML); every block has a plain-text form, {@link #text()}, for summaries, feeds,
 * reading time and search. The shape is bounded: spans are flat, lists nest at most
 * {@link ListBlock#MAX_DEPTH} levels, tables hold spans only.
 */
public sealed interface Block permits Block.TextBlock, Block.ListBlock, Block.Code, Block.Table, Block.ImageBlock,
        Block.Gallery, Block.Embed, Block.Separator {

    /** The block's type in JSON and in storage. */
    String type();

    /** The plain-text form (the one definition of it for every block type). */
    String text();

    /** The images the block shows, in order. */
    default List<Image> images() {
        return List.of();
    }

    /** The same block with each image replaced (the editor's files become uploaded images). */
    default Block withImages(UnaryOperator<Image> replace) {
        return this;
    }

    /** The block as the API serves it: {@code type}, {@code text}, then its fields; images as {@code images} renders them. */
    default void writeJson(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
        out.beginObject().field("type", type()).field("text", text());
        writeFields(out, images);
        out.endObject();
    }

    void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images);

    static Paragraph paragraph(String text) {
        return new Paragraph(Span.plain(text));
    }

    static Heading heading(String text) {
        return new Heading(Heading.DEFAULT_LEVEL, Span.plain(text));
    }

    static Quote quote(String text, String attribution) {
        return new Quote(Span.plain(text), attribution, null);
    }

    static ImageBlock image(Image image) {
        return new ImageBlock(image);
    }

    /** A block of inline content: its plain-text form is its spans'. */
    sealed interface TextBlock extends Block permits Paragraph, Heading, Quote {

        List<Span> content();

        @Override
        default String text() {
            return Span.text(content());
        }
    }

    record Paragraph(List<Span> content) implements TextBlock {

        public Paragraph {
            content = List.copyOf(content);
        }

        @Override
        public String type() {
            return "paragraph";
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
            out.field("content", content);
        }
    }

    /** @param level 2, 3 or 4 (the page's headline is the level 1); stored headings without one are 2 */
    record Heading(int level, List<Span> content) implements TextBlock {

        public static final int DEFAULT_LEVEL = 2;
        public static final int MIN_LEVEL = 2;
        public static final int MAX_LEVEL = 4;

        public Heading {
            content = List.copyOf(content);
        }

        @Override
        public String type() {
            return "heading";
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
            out.field("level", level).field("content", content);
        }
    }

    /**
     * @param attribution who is quoted (plain text), or null
     * @param cite        the source's {@code http:}/{@code https:} URL ({@link Links#isWebUrl}), or null
     */
    record Quote(List<Span> content, String attribution, String cite) implements TextBlock {

        public Quote {
            content = List.copyOf(content);
        }

        @Override
        public String type() {
            return "quote";
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
            out.field("content", content).field("attribution", attribution).field("cite", cite);
        }
    }

    /** A list, ordered or not; an item may hold a list of its own, {@link #MAX_DEPTH} levels in all. */
    record ListBlock(boolean ordered, List<ListItem> items) implements Block {

        public static final int MAX_DEPTH = 4;

        public ListBlock {
            items = List.copyOf(items);
        }

        @Override
        public String type() {
            return "list";
        }

        /** The items' text, one a line, a nested list's lines indented by two spaces more. */
        @Override
        public String text() {
            return items.stream().map(ListItem::textWithList).collect(Collectors.joining("\n"));
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
            out.field("ordered", ordered).field("items", items);
        }

        /** The levels of lists, this one included. */
        public int depth() {
            return 1 + items.stream().filter(item -> item.list() != null).mapToInt(item -> item.list().depth()).max().orElse(0);
        }
    }

    /** @param list a nested list, or null */
    record ListItem(List<Span> content, ListBlock list) implements JsonWritable {

        public ListItem {
            content = List.copyOf(content);
        }

        /** The item's own text, without its nested list. */
        public String text() {
            return Span.text(content);
        }

        String textWithList() {
            return list == null ? text() : text() + "\n" + list.text().lines().map(line -> "  " + line)
                    .collect(Collectors.joining("\n"));
        }

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("content", content).field("text", text());
            if (list != null) {
                out.field("list", (JsonWritable) nested -> nested.beginObject().field("ordered", list.ordered())
                        .field("items", list.items()).endObject());
            }
            out.endObject();
        }
    }

    /**
     * @param text     the code exactly as written, whitespace kept: its own plain-text form
     * @param language what it is written in ({@code [a-z0-9+#.-]{1,30}}), or null
     */
    record Code(String text, String language) implements Block {

        public Code {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String type() {
            return "code";
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
            out.field("language", language);
        }
    }

    /**
     * @param caption plain text, or null
     * @param header  the header row's cells; empty when the table has none
     */
    record Table(String caption, List<Cell> header, List<List<Cell>> rows) implements Block {

        public Table {
            header = header == null ? List.of() : List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }

        @Override
        public String type() {
            return "table";
        }

        /** Cells joined by a tab, rows by a line break, the header first. */
        @Override
        public String text() {
            List<List<Cell>> all = new ArrayList<>();
            if (!header.isEmpty()) {
                all.add(header);
            }
            all.addAll(rows);
            return all.stream().map(row -> row.stream().map(Cell::text).collect(Collectors.joining("\t")))
                    .collect(Collectors.joining("\n"));
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
            out.field("caption", caption);
            if (!header.isEmpty()) {
                out.field("header", header);
            }
            out.field("rows", rows.stream().map(row -> (JsonWritable) array -> {
                array.beginArray();
                row.forEach(cell -> cell.writeJson(array));
                array.endArray();
            }).toList());
        }
    }

    /** A table cell: inline content, possibly empty. */
    record Cell(List<Span> content) implements JsonWritable {

        public Cell {
            content = List.copyOf(content);
        }

        public String text() {
            return Span.text(content);
        }

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("content", content).field("text", text()).endObject();
        }
    }

    record ImageBlock(Image image) implements Block {

        public ImageBlock {
            Objects.requireNonNull(image, "image");
        }

        @Override
        public String type() {
            return "image";
        }

        /** The caption, else the alternative text. */
        @Override
        public String text() {
            return image.caption() != null ? image.caption() : Objects.requireNonNullElse(image.alt(), "");
        }

        @Override
        public List<Image> images() {
            return List.of(image);
        }

        @Override
        public Block withImages(UnaryOperator<Image> replace) {
            return new ImageBlock(replace.apply(image));
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
            out.field("image", images.apply(image));
        }
    }

    /** @param images at least two, in order */
    record Gallery(List<Image> images, String caption) implements Block {

        public static final int MIN_IMAGES = 2;

        public Gallery {
            images = List.copyOf(images);
        }

        @Override
        public String type() {
            return "gallery";
        }

        /** The caption, then each image's caption (else its alternative text), one a line. */
        @Override
        public String text() {
            List<String> lines = new ArrayList<>();
            if (caption != null) {
                lines.add(caption);
            }
            images.stream().map(image -> new ImageBlock(image).text()).filter(line -> !line.isEmpty()).forEach(lines::add);
            return String.join("\n", lines);
        }

        @Override
        public Block withImages(UnaryOperator<Image> replace) {
            return new Gallery(images.stream().map(replace).toList(), caption);
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
            out.field("images", this.images.stream().map(images).toList()).field("caption", caption);
        }
    }

    /** A post or video of a known provider, as data: the frontend decides how (or whether) to embed it. */
    record Embed(EmbedProvider provider, String url, String caption) implements Block {

        public Embed {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String type() {
            return "embed";
        }

        /** The caption, else the URL. */
        @Override
        public String text() {
            return caption != null ? caption : url;
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
            out.field("provider", provider.id()).field("url", url).field("caption", caption);
        }
    }

    record Separator() implements Block {

        @Override
        public String type() {
            return "separator";
        }

        @Override
        public String text() {
            return "";
        }

        @Override
        public void writeFields(JsonWriter out, Function<Image, ? extends JsonWritable> images) {
        }
    }
}
