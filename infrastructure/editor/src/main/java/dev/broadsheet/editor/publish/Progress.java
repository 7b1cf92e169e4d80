package dev.broadsheet.editor.publish;

import dev.broadsheet.editor.article.PreparedImage;

/** What a publish reports while it runs: one call per image, before and after its upload (or skip). */
public interface Progress {

    Progress SILENT = new Progress() {
    };

    default void uploading(PreparedImage image, String key) {
    }

    /** @param uploaded false when the object was already there (same bytes, same key) and nothing was sent */
    default void uploaded(PreparedImage image, String key, boolean uploaded) {
    }
}
