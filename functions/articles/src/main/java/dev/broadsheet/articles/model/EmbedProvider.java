package dev.broadsheet.articles.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The providers whose posts and videos a body may embed, and the hosts accepted for each: the one
 * list (the editor validates against it, the feed and the API name the provider from it). An embed
 * is data — the provider and the URL — never an iframe the API vouches for; a frontend decides how,
 * or whether, to embed it.
 */
public enum EmbedProvider {
    YOUTUBE("YouTube", "youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com"),
    VIMEO("Vimeo", "vimeo.com", "player.vimeo.com"),
    X("X", "twitter.com", "x.com", "mobile.twitter.com"),
    INSTAGRAM("Instagram", "instagram.com", "www.instagram.com"),
    FACEBOOK("Facebook", "facebook.com", "www.facebook.com", "fb.watch"),
    TIKTOK("TikTok", "tiktok.com", "www.tiktok.com"),
    SOUNDCLOUD("SoundCloud", "soundcloud.com"),
    SPOTIFY("Spotify", "open.spotify.com"),
    BLUESKY("Bluesky", "bsky.app"),
    FLICKR("Flickr", "flickr.com", "www.flickr.com", "flic.kr");

    private final String displayName;
    private final Set<String> hosts;

    EmbedProvider(String displayName, String... hosts) {
        this.displayName = displayName;
        this.hosts = Set.of(hosts);
    }

    /** The name in JSON and in storage: {@code youtube}, {@code x}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name to show readers: "YouTube", "X", … */
    public String displayName() {
        return displayName;
    }

    /** The hosts accepted, sorted (for messages and documentation). */
    public List<String> hosts() {
        return hosts.stream().sorted().toList();
    }

    /** Whether the URL is an {@code https:} URL on one of this provider's hosts (no user name, no port). */
    public boolean accepts(String url) {
        String host = Links.httpsHost(url);
        return host != null && hosts.contains(host);
    }

    /** The provider of this id, or null. */
    public static EmbedProvider of(String id) {
        return Arrays.stream(values()).filter(provider -> provider.id().equals(id)).findFirst().orElse(null);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(EmbedProvider::id).toList();
    }
}
