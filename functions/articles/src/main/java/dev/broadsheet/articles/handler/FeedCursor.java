package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.model.FeedPosition;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.articles.model.Timestamps;
import dev.broadsheet.core.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The opaque {@code cursor} of article lists: a feed position, base64url-encoded. It is not
 * signed — it only points into public data — but everything decoded is validated, so a tampered
 * cursor is a 400, never a 500 or a query with a malformed key.
 */
final class FeedCursor {

    private static final String VERSION = "a1";
    private static final int MAX_LENGTH = 400;

    private FeedCursor() {
    }

    static String encode(FeedPosition position) {
        if (position == null) {
            return null;
        }
        String plain = VERSION + "|" + Timestamps.format(position.publishedAt()) + "|" + position.slug();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static FeedPosition decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw invalid();
            }
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || !Slugs.isSlug(parts[2])) {
                throw invalid();
            }
            Instant publishedAt = Instant.parse(parts[1]);
            if (!Timestamps.format(publishedAt).equals(parts[1])) {
                throw invalid();
            }
            return new FeedPosition(publishedAt, parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "invalid",
                "The cursor is not one this API returned; start again without it.");
    }
}
