package dev.broadsheet.articles.model;

import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Inline content: a run of plain text with its marks and link, or a line break. Text is never HTML:
 * a frontend creates an element per mark and link and sets the text as text.
 */
public sealed interface Span extends JsonWritable permits Span.Text, Span.Break {

    /** The plain-text form: the text, or a line break as {@code "\n"}. */
    String text();

    /**
     * @param marks in canonical order ({@link Mark}), no duplicates (the constructor sees to both)
     * @param href  an absolute {@code http:}, {@code https:} or {@code mailto:} URL ({@link Links#isHref}), or null
     */
    record Text(String text, List<Mark> marks, String href) implements Span {

        public Text {
            Objects.requireNonNull(text, "text");
            marks = marks == null ? List.of() : marks.stream().distinct().sorted().toList();
        }

        public Text(String text) {
            this(text, List.of(), null);
        }

        /** Whether the two are set alike: same marks, same link (such neighbours are one span). */
        boolean setLike(Text other) {
            return marks.equals(other.marks) && Objects.equals(href, other.href);
        }

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("text", text);
            if (!marks.isEmpty()) {
                out.strings("marks", marks.stream().map(Mark::id).toList());
            }
            out.field("href", href).endObject();
        }
    }

    record Break() implements Span {

        @Override
        public String text() {
            return "\n";
        }

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("break", true).endObject();
        }
    }

    /** The spans' plain-text form: their texts joined, breaks as line breaks. */
    static String text(List<Span> content) {
        StringBuilder text = new StringBuilder();
        content.forEach(span -> text.append(span.text()));
        return text.toString();
    }

    /** Plain text as spans: one unmarked span per line, a break between lines (what {@code "text": "…"} means). */
    static List<Span> plain(String text) {
        List<Span> content = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                content.add(new Break());
            }
            if (!lines[i].isEmpty()) {
                content.add(new Text(lines[i]));
            }
        }
        return List.copyOf(content);
    }

    /** The same content with neighbouring spans set alike made one (how it is stored and served). */
    static List<Span> merged(List<Span> content) {
        List<Span> merged = new ArrayList<>();
        for (Span span : content) {
            if (!merged.isEmpty() && span instanceof Text text && merged.get(merged.size() - 1) instanceof Text last
                    && last.setLike(text)) {
                merged.set(merged.size() - 1, new Text(last.text() + text.text(), last.marks(), last.href()));
            } else {
                merged.add(span);
            }
        }
        return List.copyOf(merged);
    }
}
