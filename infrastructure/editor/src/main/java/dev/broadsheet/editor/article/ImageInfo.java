package dev.broadsheet.editor.article;

/** What the bytes of an image file say it is. */
public record ImageInfo(ImageFormat format, int width, int height) {
}
