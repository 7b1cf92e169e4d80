package dev.broadsheet.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The format of article slugs and tags, the same on every route and in the editor: lower-case
 * letters and digits joined by single hyphens.
 */
public final class Slugs {

    public static final int MAX_SLUG_LENGTH = 200;
    public static final int MAX_TAG_LENGTH = 50;
    /** The format as a regular expression, for patterns that embed a slug (image keys). */
    public static final String WORDS_REGEX = "[a-z0-9]+(?:-[a-z0-9]+)*";

    private static final Pattern WORDS = Pattern.compile(WORDS_REGEX);
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static boolean isSlug(String value) {
        return value != null && value.length() <= MAX_SLUG_LENGTH && WORDS.matcher(value).matches();
    }

    public static boolean isTag(String value) {
        return value != null && value.length() <= MAX_TAG_LENGTH && WORDS.matcher(value).matches();
    }

    /**
     * A slug made of a name's letters and digits, accents dropped ("José Núñez" is "jose-nunez");
     * empty when there are none (a name in another script: give the slug).
     */
    public static String fromWords(String name) {
        return fromWords(name, MAX_TAG_LENGTH);
    }

    /** {@link #fromWords(String)}, at most {@code maxLength} characters (an article slug: {@link #MAX_SLUG_LENGTH}). */
    public static String fromWords(String name, int maxLength) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String slug = NOT_WORD.matcher(plain).replaceAll("-").replaceAll("^-+|-+$", "");
        return slug.length() <= maxLength ? slug : slug.substring(0, maxLength).replaceAll("-+$", "");
    }

    /** The slug path parameter of a route, or a 400 problem naming it. */
    public static String require(String slug) {
        if (!isSlug(slug)) {
            throw ProblemException.invalid("slug", "format",
                    "An article slug is lower-case letters and digits joined by hyphens, at most " + MAX_SLUG_LENGTH + " characters.");
        }
        return slug;
    }
}
