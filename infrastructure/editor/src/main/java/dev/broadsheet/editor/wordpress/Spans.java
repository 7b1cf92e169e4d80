package dev.broadsheet.editor.wordpress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.core.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Inline content being collected from HTML: text spans with their marks and link, and line
 * breaks, as the body's {@code content} holds them (BODY-SPEC: {@code {"text", "marks"?, "href"?}}
 * or {@code {"break": true}}). White space is collapsed as a browser shows it; adjacent spans
 * with the same marks and link are one.
 */
final class Spans {

    /** Marks in the body's canonical order. */
    static final List<String> MARKS = List.of("strong", "em", "code", "sub", "sup");

    /** One span; {@code text} null for a line break. */
    record Span(String text, List<String> marks, String href) {
        boolean isBreak() {
            return text == null;
        }
    }

    private final List<Span> spans = new ArrayList<>();

    /** Adds text, white space collapsed unless {@code exact} (in a {@code code} mark that came from a pre, say). */
    void text(String text, List<String> marks, String href) {
        if (text.isEmpty()) {
            return;
        }
        String collapsed = text.replaceAll("[ \\t\\n\\r\\f]+", " ");
        if (collapsed.startsWith(" ") && endsWithSpaceOrNothing()) {
            collapsed = collapsed.substring(1);
        }
        if (collapsed.isEmpty()) {
            return;
        }
        Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
        if (last != null && !last.isBreak() && last.marks().equals(marks) && Objects.equals(last.href(), href)) {
            spans.set(spans.size() - 1, new Span(last.text() + collapsed, marks, href));
        } else {
            spans.add(new Span(collapsed, List.copyOf(marks), href));
        }
    }

    void lineBreak() {
        trimEnd();
        spans.add(new Span(null, List.of(), null));
    }

    boolean endsWithBreak() {
        return !spans.isEmpty() && spans.get(spans.size() - 1).isBreak();
    }

    boolean isBlank() {
        return spans.stream().allMatch(span -> span.isBreak() || span.text().replace('\u00A0', ' ').isBlank());
    }

    /** The spans without leading or trailing white space and breaks; then empties this buffer. */
    List<Span> take() {
        trimEnd();
        List<Span> result = new ArrayList<>(spans);
        spans.clear();
        while (!result.isEmpty() && result.get(0).isBreak()) {
            result.remove(0);
        }
        if (!result.isEmpty()) {
            Span first = result.get(0);
            String stripped = first.text().stripLeading();
            if (stripped.isEmpty()) {
                result.remove(0);
            } else {
                result.set(0, new Span(stripped, first.marks(), first.href()));
            }
        }
        // Text after a break starts without the space the source had there.
        for (int i = 1; i < result.size(); i++) {
            Span span = result.get(i);
            if (!span.isBreak() && result.get(i - 1).isBreak() && span.text().startsWith(" ")) {
                String stripped = span.text().stripLeading();
                if (stripped.isEmpty()) {
                    result.remove(i--);
                } else {
                    result.set(i, new Span(stripped, span.marks(), span.href()));
                }
            }
        }
        while (!result.isEmpty() && result.get(result.size() - 1).isBreak()) {
            result.remove(result.size() - 1);
        }
        return result;
    }

    private void trimEnd() {
        while (!spans.isEmpty()) {
            Span last = spans.get(spans.size() - 1);
            if (last.isBreak()) {
                return;
            }
            String stripped = last.text().stripTrailing();
            if (stripped.equals(last.text())) {
                return;
            }
            if (stripped.isEmpty()) {
                spans.remove(spans.size() - 1);
            } else {
                spans.set(spans.size() - 1, new Span(stripped, last.marks(), last.href()));
                return;
            }
        }
    }

    private boolean endsWithSpaceOrNothing() {
        if (spans.isEmpty()) {
            return true;
        }
        Span last = spans.get(spans.size() - 1);
        return last.isBreak() || last.text().endsWith(" ");
    }

    /** The plain text: spans joined, a break a newline. */
    static String plain(List<Span> spans) {
        StringBuilder text = new StringBuilder();
        spans.forEach(span -> text.append(span.isBreak() ? "\n" : span.text()));
        return text.toString();
    }

    /** Whether the spans are plain text: no marks, links or breaks (then {@code "text"} says it all). */
    static boolean isPlain(List<Span> spans) {
        return spans.stream().allMatch(span -> !span.isBreak() && span.marks().isEmpty() && span.href() == null);
    }

    /** The body's {@code content} array. */
    static ArrayNode json(List<Span> spans) {
        ArrayNode content = Json.MAPPER.createArrayNode();
        for (Span span : spans) {
            ObjectNode node = content.addObject();
            if (span.isBreak()) {
                node.put("break", true);
                continue;
            }
            node.put("text", span.text());
            if (!span.marks().isEmpty()) {
                ArrayNode marks = node.putArray("marks");
                span.marks().forEach(marks::add);
            }
            if (span.href() != null) {
                node.put("href", span.href());
            }
        }
        return content;
    }
}
