package dev.broadsheet.editor.article;

/** One problem with an article: where it is (a JSON path such as {@code body[3].image.file}) and what is wrong. */
public record ValidationError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
