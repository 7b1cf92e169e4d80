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

    private static final String VERSION = "a2";
    /** Before paging recorded when it began; still accepted (a CDN may hold pages that carry one). */
    private static final String VERSION_WITHOUT_AS_OF = "a1";
    private static final int MAX_LENGTH = 400;

    private FeedCursor() {
    }

    static String encode(FeedPosition position) {
        if (position == null) {
            return null;
        }
        String asOf = position.asOf() == null ? "" : Timestamps.format(position.asOf());
        String plain = VERSION + "|" + asOf + "|" + Timestamps.format(position.publishedAt())
                + "|" + position.slug();
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
            boolean legacy = parts.length == 3 && VERSION_WITHOUT_AS_OF.equals(parts[0]);
            if (!legacy && (parts.length != 4 || !VERSION.equals(parts[0]))) {
                throw invalid();
            }
            String slug = parts[parts.length - 1];
            if (!Slugs.isSlug(slug)) {
                throw invalid();
            }
            Instant asOf = legacy || parts[1].isEmpty() ? null : instant(parts[1]);
            return new FeedPosition(instant(parts[parts.length - 2]), slug, asOf);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    /** Exactly as {@link Timestamps} writes it, or the cursor was not ours. */
    private static Instant instant(String value) {
        Instant instant = Instant.parse(value);
        if (!Timestamps.format(instant).equals(value)) {
            throw invalid();
        }
        return instant;
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "invalid",
                "The cursor is not one this API returned; start again without it.");
    }
}
