package dev.broadsheet.editor.article;

import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An article as the editor wrote it, validated: images are still file names.
 *
 * @param body         the blocks; an image in them is named by its file until it is uploaded: its
 *                     {@link Image#key()} is the file's path as the JSON gives it (see {@link ImageRef#draft()})
 * @param bodyImages   the images of the body's blocks, in order, with where each is in the JSON
 * @param publishedAt  null: keep the stored one, or now for a first publish
 * @param commentsOpen null: keep the stored setting (open for a new article)
 * @param versions     by target ({@code local}, {@code <region>/<table>}): the version of the article there
 *                     that this file was last published as or pulled from
 */
public record ArticleDraft(String slug, String headline, String summary, Instant publishedAt, List<Tag> tags,
                           List<Author> authors, ImageRef heroImage, List<Block> body, List<ImageRef> bodyImages,
                           Boolean commentsOpen, Map<String, Long> versions) {

    public ArticleDraft {
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        body = List.copyOf(body);
        bodyImages = List.copyOf(bodyImages);
        versions = Map.copyOf(versions);
    }

    /** An image as written: the file and the words around it. {@code field} is where it is in the JSON. */
    public record ImageRef(String field, String file, String alt, String caption, String credit) {

        /** The image as a draft block holds it: named by its file, no size yet. */
        public Image draft() {
            return new Image(file, alt, caption, credit, 0, 0, null);
        }
    }

    /** Every image, hero first, in the order of the article. */
    public List<ImageRef> images() {
        List<ImageRef> images = new ArrayList<>();
        if (heroImage != null) {
            images.add(heroImage);
        }
        images.addAll(bodyImages);
        return images;
    }
}
