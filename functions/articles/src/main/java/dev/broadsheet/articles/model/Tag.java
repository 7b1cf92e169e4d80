package dev.broadsheet.articles.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A tag: its slug (what {@code ?tag=} filters by, and what {@code tags} has always listed) and the
 * name a frontend shows.
 */
public record Tag(String slug, String name) {

    /** The name an editor did not give: the slug's words, capitalised ("united-states" is "United States"). */
    public static Tag of(String slug) {
        return new Tag(slug, Arrays.stream(slug.split("-"))
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                .collect(Collectors.joining(" ")));
    }
}
