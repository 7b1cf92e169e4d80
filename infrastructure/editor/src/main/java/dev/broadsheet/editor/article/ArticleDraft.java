package dev.broadsheet.editor.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article as the editor wrote it, validated: images are still file names.
 *
 * @param publishedAt  null: keep the stored one, or now for a first publish
 * @param commentsOpen null: keep the stored setting (open for a new article)
 * @param versions     by target ({@code local}, {@code <region>/<table>}): the version of the article there
 *                     that this file was last published as or pulled from
 */
public record ArticleDraft(String slug, String headline, String summary, Instant publishedAt, List<String> tags,
                           ImageRef heroImage, List<BlockDraft> body, Boolean commentsOpen, Map<String, Long> versions) {

    public ArticleDraft {
        tags = List.copyOf(tags);
        body = List.copyOf(body);
        versions = Map.copyOf(versions);
    }

    /** An image as written: the file and the words around it. {@code field} is where it is in the JSON. */
    public record ImageRef(String field, String file, String alt, String caption, String credit) {
    }

    public record BlockDraft(String type, String text, String attribution, ImageRef image) {
    }

    /** Every image, hero first, in the order of the article. */
    public List<ImageRef> images() {
        List<ImageRef> images = new java.util.ArrayList<>();
        if (heroImage != null) {
            images.add(heroImage);
        }
        body.stream().filter(block -> block.image() != null).forEach(block -> images.add(block.image()));
        return images;
    }
}
