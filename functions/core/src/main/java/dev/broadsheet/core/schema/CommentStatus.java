package dev.broadsheet.core.schema;

import java.util.Locale;

/** Where a comment is in moderation; only {@code APPROVED} is ever shown. */
public enum CommentStatus {
    PENDING, APPROVED, SPAM, TRASH;

    /** The stored value. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommentStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
