package dev.broadsheet.editor.article;

/**
 * An image file that passed validation, with what its bytes say.
 *
 * @param sha256 of the bytes, hex: the key is content-addressed, so the same bytes are uploaded once
 */
public record PreparedImage(String file, String location, long size, String sha256, ImageInfo info) {

    /**
     * The S3 key: {@code images/{article-slug}/{sha256}.{ext}}. The images function signs a key only
     * when the article named in it is published and holds that key.
     */
    public String key(String slug) {
        return "images/" + slug + "/" + sha256 + "." + info.format().extension();
    }
}
