package dev.broadsheet.editor.publish;

/**
 * The article is at the version read, but its comment count or open flag changed since (an
 * approval, {@code comments close}): nothing was written, and writing again with what is stored
 * now loses nothing.
 */
public final class CountersMovedException extends RuntimeException {

    public CountersMovedException(String slug) {
        super("the comment count or comment setting of " + slug + " changed while publishing", null, false, false);
    }
}
