package dev.broadsheet.editor.publish;

/** Someone else wrote the article between our read and our conditional write: nothing of theirs was overwritten. */
public final class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(String slug, long versionRead) {
        super(versionRead == 0
                ? "article " + slug + " was created by someone else while you were publishing it; re-run publish"
                : "article " + slug + " was changed by someone else since you read it (version " + versionRead
                + "); re-run publish");
    }
}
