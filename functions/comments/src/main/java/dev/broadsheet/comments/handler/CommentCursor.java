package dev.broadsheet.comments.handler;

import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.core.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of comment lists: the last comment id shown, base64url-encoded. Like
 * the articles' cursor it is not signed (it points into public data) but fully validated.
 */
final class CommentCursor {

    private static final String VERSION = "c1";
    private static final int MAX_LENGTH = 100;

    private CommentCursor() {
    }

    static String encode(String lastId) {
        return lastId == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + "|" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.length() <= MAX_LENGTH) {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = plain.split("\\|", -1);
                if (parts.length == 2 && VERSION.equals(parts[0]) && CommentIds.isId(parts[1])) {
                    return parts[1];
                }
            }
        } catch (IllegalArgumentException e) {
            // Answered below.
        }
        throw ProblemException.invalid("cursor", "invalid", "The cursor is not one this API returned; start again without it.");
    }
}
