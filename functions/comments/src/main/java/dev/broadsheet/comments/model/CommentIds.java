package dev.broadsheet.comments.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Time-ordered comment ids, ULID-like: 10 Crockford base-32 characters of milliseconds, then 16
 * of randomness. They sort by creation time as strings, so the table's sort key lists comments
 * oldest first. Within one execution environment they are also monotonic, as ULID's monotonic
 * mode: an id made in the same millisecond as the previous one (or with a clock that stepped
 * back) is the previous one plus one, so comments of one millisecond list in creation order.
 */
public final class CommentIds {

    private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static final int RANDOM_CHARS = 16;
    private static volatile SecureRandom random = new SecureRandom();
    private static long lastMillis = -1;
    private static final char[] LAST_RANDOM = new char[RANDOM_CHARS];

    private CommentIds() {
    }

    public static synchronized String next(Instant now) {
        long millis = now.toEpochMilli();
        if (millis > lastMillis || !increment(LAST_RANDOM)) {
            // A new millisecond (or, astronomically rarely, the random part ran out): fresh randomness.
            lastMillis = Math.max(millis, lastMillis + (millis > lastMillis ? 0 : 1));
            for (int i = 0; i < RANDOM_CHARS; i++) {
                LAST_RANDOM[i] = BASE32[random.nextInt(32)];
            }
        }
        char[] id = new char[26];
        long time = lastMillis;
        for (int i = 9; i >= 0; i--) {
            id[i] = BASE32[(int) (time & 31)];
            time >>>= 5;
        }
        System.arraycopy(LAST_RANDOM, 0, id, 10, RANDOM_CHARS);
        return new String(id);
    }

    /**
     * An id made from a comment's time and a stable name instead of randomness (a comment imported
     * from WordPress: {@code wordpress:<site>:<comment id>}): the same comment always gets the same
     * id, so an import run again finds what it wrote, and ids still sort by time.
     */
    public static String derived(Instant createdAt, String name) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
        char[] id = new char[26];
        long time = Math.max(0, createdAt.toEpochMilli());
        for (int i = 9; i >= 0; i--) {
            id[i] = BASE32[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 0; i < RANDOM_CHARS; i++) {
            // 5 bits per character from the digest's first 80 bits.
            int bit = i * 5;
            int value = ((digest[bit / 8] & 0xFF) << 8 | (digest[bit / 8 + 1] & 0xFF)) >>> (11 - bit % 8) & 31;
            id[10 + i] = BASE32[value];
        }
        return new String(id);
    }

    /** Adds one to a base-32 number; false when it overflowed (all digits were the largest). */
    private static boolean increment(char[] digits) {
        for (int i = digits.length - 1; i >= 0; i--) {
            int value = indexOf(digits[i]);
            if (value < 31) {
                digits[i] = BASE32[value + 1];
                return true;
            }
            digits[i] = BASE32[0];
        }
        return false;
    }

    private static int indexOf(char digit) {
        for (int i = 0; i < BASE32.length; i++) {
            if (BASE32[i] == digit) {
                return i;
            }
        }
        throw new IllegalStateException("not a base-32 digit: " + digit);
    }

    /** After a SnapStart restore: a new generator, freshly seeded, instead of the one in the snapshot. */
    public static synchronized void renewRandom() {
        random = new SecureRandom();
        lastMillis = -1;
    }

    public static boolean isId(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
