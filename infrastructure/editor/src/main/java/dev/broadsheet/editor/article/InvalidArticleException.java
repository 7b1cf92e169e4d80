package dev.broadsheet.editor.article;

import java.util.List;

/** Everything wrong with an article, found before anything was uploaded or written. */
public final class InvalidArticleException extends RuntimeException {

    private final List<ValidationError> errors;

    public InvalidArticleException(List<ValidationError> errors) {
        super(errors.size() + (errors.size() == 1 ? " problem" : " problems"));
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
