package dev.broadsheet.core.schema;

import dev.broadsheet.core.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * The opaque {@code cursor} of every paginated route: a kind tag and the position's parts, joined
 * by {@code |} and base64url-encoded. It is not signed — it only points into public data — but
 * every part decoded is checked by the route's rule, so a tampered cursor is a 400, never a 500
 * or a query with a malformed key. The kind tag keeps one route's cursor out of another.
 */
public final class Cursor {

    private static final int MAX_LENGTH = 400;

    private Cursor() {
    }

    /** The cursor of a position; null for none (the last page). Parts must not contain {@code |}. */
    public static String encode(String kind, String... parts) {
        if (parts == null || parts.length == 0 || parts[0] == null) {
            return null;
        }
        String plain = kind + "|" + String.join("|", parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The parts of a cursor of this kind, each accepted by its rule; null for no cursor.
     *
     * @throws ProblemException 400 naming {@code cursor} for anything this API did not hand out
     */
    @SafeVarargs
    public static String[] decode(String cursor, String kind, Predicate<String>... rules) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.length() <= MAX_LENGTH) {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = plain.split("\\|", -1);
                if (parts.length == rules.length + 1 && kind.equals(parts[0])) {
                    String[] values = new String[rules.length];
                    boolean valid = true;
                    for (int i = 0; i < rules.length && valid; i++) {
                        values[i] = parts[i + 1];
                        valid = rules[i].test(values[i]);
                    }
                    if (valid) {
                        return values;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64url: answered below, like any other cursor this API did not hand out.
        }
        throw ProblemException.invalid("cursor", "invalid", "The cursor is not one this API returned; start again without it.");
    }
}
