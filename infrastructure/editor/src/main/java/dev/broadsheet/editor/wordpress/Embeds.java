package dev.broadsheet.editor.wordpress;

import dev.broadsheet.articles.model.EmbedProvider;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a WordPress embed, auto-embedded URL or provider iframe becomes: an {@code embed} block
 * when its host is one of the body's providers ({@link EmbedProvider}, the one list), else nothing
 * (the converter keeps it as a link).
 */
final class Embeds {

    private Embeds() {
    }

    /** An embed of a known provider: its id and the URL. */
    record Embed(String provider, String url) {
    }

    static Optional<Embed> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        // Every provider serves https; an old http:// URL of one is the same post.
        String https = url.strip().replaceFirst("(?i)^http://", "https://");
        return Arrays.stream(EmbedProvider.values()).filter(provider -> provider.accepts(https)).findFirst()
                .map(provider -> new Embed(provider.id(), https));
    }
}
