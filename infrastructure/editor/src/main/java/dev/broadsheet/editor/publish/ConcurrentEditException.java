package dev.broadsheet.editor.publish;

/** Someone else wrote the article between our read and our conditional write: nothing of theirs was overwritten. */
public final class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(String slug, long versionRead) {
        super(versionRead == 0
                ? "article " + slug + " was created by someone else at the same time; nothing was written"
                : "article " + slug + " was changed by someone else at the same time (it was version " + versionRead
                + "); nothing was written: run the command again to act on the current version");
    }
}
