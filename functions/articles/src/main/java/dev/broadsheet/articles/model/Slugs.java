package dev.broadsheet.articles.model;

import java.util.regex.Pattern;

/** The format of article slugs and tags: lower-case words joined by hyphens. */
public final class Slugs {

    public static final int MAX_SLUG_LENGTH = 200;
    public static final int MAX_TAG_LENGTH = 50;
    private static final Pattern WORDS = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Slugs() {
    }

    public static boolean isSlug(String value) {
        return value != null && value.length() <= MAX_SLUG_LENGTH && WORDS.matcher(value).matches();
    }

    public static boolean isTag(String value) {
        return value != null && value.length() <= MAX_TAG_LENGTH && WORDS.matcher(value).matches();
    }
}
