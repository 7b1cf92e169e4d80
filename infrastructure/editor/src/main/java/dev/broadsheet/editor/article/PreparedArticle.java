package dev.broadsheet.editor.article;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A validated article and its validated image files, by the file name the JSON gives. */
public record PreparedArticle(ArticleDraft draft, Map<String, PreparedImage> images) {

    public PreparedArticle {
        // In the article's order, for the progress lines.
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
    }

    public PreparedImage image(ArticleDraft.ImageRef ref) {
        return images.get(ref.file());
    }
}
