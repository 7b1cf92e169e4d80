package dev.broadsheet.editor;

/** A failure the editor can explain: the message says what went wrong and what to do. Exit code 1. */
public final class EditorException extends RuntimeException {

    public EditorException(String message) {
        super(message);
    }

    public EditorException(String message, Throwable cause) {
        super(message, cause);
    }
}
