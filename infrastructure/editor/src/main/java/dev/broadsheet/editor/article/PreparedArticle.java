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

    /** The validated file of this name (as the JSON gives it). */
    public PreparedImage image(String file) {
        return images.get(file);
    }
}
