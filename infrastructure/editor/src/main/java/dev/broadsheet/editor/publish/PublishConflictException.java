package dev.broadsheet.editor.publish;

import java.util.List;

/**
 * A publish refused before anything was written: the stored article is not the one this file was
 * based on. {@code differences} is theirs (stored) against yours (the file); empty when the
 * message says all (a reused slug).
 */
public final class PublishConflictException extends RuntimeException {

    private final transient List<ArticleDiff.Difference> differences;

    public PublishConflictException(String message, List<ArticleDiff.Difference> differences) {
        super(message);
        this.differences = List.copyOf(differences);
    }

    public List<ArticleDiff.Difference> differences() {
        return differences;
    }
}
