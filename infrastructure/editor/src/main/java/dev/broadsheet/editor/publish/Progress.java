package dev.broadsheet.editor.publish;

import dev.broadsheet.editor.article.PreparedImage;

/** What a publish reports while it runs: each image uploaded (before and after) or skipped. */
public interface Progress {

    Progress SILENT = new Progress() {
    };

    default void uploading(PreparedImage image, String key) {
    }

    default void uploaded(PreparedImage image, String key) {
    }

    /** Already there (same bytes, same key): nothing was sent. */
    default void skipped(PreparedImage image, String key) {
    }
}
