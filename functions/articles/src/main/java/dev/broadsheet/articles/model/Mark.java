package dev.broadsheet.articles.model;

import java.util.Locale;

/**
 * How a span of text is set. The declaration order is the canonical order in which a span's marks
 * are served (and nested in HTML: {@code <strong><em>…</em></strong>}).
 */
public enum Mark {
    STRONG, EM, CODE, SUB, SUP;

    /** The name in JSON and in storage, also the HTML element's name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mark named so, or null when there is none. */
    public static Mark of(String id) {
        for (Mark mark : values()) {
            if (mark.id().equals(id)) {
                return mark;
            }
        }
        return null;
    }
}
