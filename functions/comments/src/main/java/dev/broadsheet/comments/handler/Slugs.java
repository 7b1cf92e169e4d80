package dev.broadsheet.comments.handler;

import dev.broadsheet.core.ProblemException;

import java.util.regex.Pattern;

/** The article slug of a comment route: the articles' format (lower-case words joined by hyphens). */
final class Slugs {

    private static final int MAX_LENGTH = 200;
    private static final Pattern WORDS = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Slugs() {
    }

    static boolean isSlug(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && WORDS.matcher(slug).matches();
    }

    static String require(String slug) {
        if (!isSlug(slug)) {
            throw ProblemException.invalid("slug", "format",
                    "An article slug is lower-case letters and digits joined by hyphens, at most " + MAX_LENGTH + " characters.");
        }
        return slug;
    }
}
