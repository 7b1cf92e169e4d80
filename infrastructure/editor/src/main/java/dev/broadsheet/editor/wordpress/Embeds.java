package dev.broadsheet.editor.wordpress;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The embed providers of the body (BODY-SPEC) by host: what a WordPress embed, auto-embedded URL or
 * provider iframe becomes an {@code embed} block of. Another host's embed stays a link.
 */
final class Embeds {

    private static final Map<String, String> PROVIDERS = Map.ofEntries(
            Map.entry("youtube.com", "youtube"), Map.entry("www.youtube.com", "youtube"), Map.entry("m.youtube.com", "youtube"),
            Map.entry("youtu.be", "youtube"), Map.entry("youtube-nocookie.com", "youtube"),
            Map.entry("www.youtube-nocookie.com", "youtube"),
            Map.entry("vimeo.com", "vimeo"), Map.entry("player.vimeo.com", "vimeo"),
            Map.entry("twitter.com", "x"), Map.entry("x.com", "x"), Map.entry("mobile.twitter.com", "x"),
            Map.entry("instagram.com", "instagram"), Map.entry("www.instagram.com", "instagram"),
            Map.entry("facebook.com", "facebook"), Map.entry("www.facebook.com", "facebook"), Map.entry("fb.watch", "facebook"),
            Map.entry("tiktok.com", "tiktok"), Map.entry("www.tiktok.com", "tiktok"),
            Map.entry("soundcloud.com", "soundcloud"), Map.entry("open.spotify.com", "spotify"), Map.entry("bsky.app", "bluesky"),
            Map.entry("flickr.com", "flickr"), Map.entry("www.flickr.com", "flickr"), Map.entry("flic.kr", "flickr"));

    private Embeds() {
    }

    /** An embed of a known provider: its name and the URL, https. */
    record Embed(String provider, String url) {
    }

    static Optional<Embed> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String provider = PROVIDERS.get(host);
            if (provider == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.empty();
            }
            // Every provider serves https; an old http:// URL of one is the same post.
            return Optional.of(new Embed(provider, "https" + url.strip().substring(scheme.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
