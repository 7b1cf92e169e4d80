package dev.broadsheet.core;

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

    private Slugs() {
    }

    public static boolean isSlug(String value) {
        return value != null && value.length() <= MAX_SLUG_LENGTH && WORDS.matcher(value).matches();
    }

    public static boolean isTag(String value) {
        return value != null && value.length() <= MAX_TAG_LENGTH && WORDS.matcher(value).matches();
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
