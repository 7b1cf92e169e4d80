package dev.broadsheet.editor.article;

/** The image formats an article may carry: what browsers show, with the content type and key extension of each. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    AVIF("image/avif", "avif");

    private final String contentType;
    private final String extension;

    ImageFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The extension of the S3 key: taken from the bytes, never from the file's name. */
    public String extension() {
        return extension;
    }
}
