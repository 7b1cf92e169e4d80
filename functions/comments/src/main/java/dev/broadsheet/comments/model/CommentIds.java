package dev.broadsheet.comments.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Time-ordered comment ids, ULID-like: 10 Crockford base-32 characters of milliseconds, then 16
 * of randomness. They sort by creation time as strings, so the table's sort key lists comments
 * oldest first, and two comments in the same millisecond still differ.
 */
public final class CommentIds {

    private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static volatile SecureRandom random = new SecureRandom();

    private CommentIds() {
    }

    public static String next(Instant now) {
        char[] id = new char[26];
        long millis = now.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            id[i] = BASE32[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            id[i] = BASE32[random.nextInt(32)];
        }
        return new String(id);
    }

    /** After a SnapStart restore: a new generator, freshly seeded, instead of the one in the snapshot. */
    public static void renewRandom() {
        random = new SecureRandom();
    }

    public static boolean isId(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
