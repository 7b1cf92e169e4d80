package dev.broadsheet.core.xml;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification): the channel every feed of this API opens
 * with, and its date format. Items are the caller's to write between {@link #channel} and
 * {@link XmlDocument#finish}.
 */
public final class Rss {

    public static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";
    /** {@code content:encoded}: an item's whole body as HTML (the RDF Site Summary content module). */
    public static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    /** {@code media:content}: an item's image (Media RSS). */
    public static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
    /** {@code atom:link rel="self"}: where the feed itself lives, as feed validators ask. */
    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private Rss() {
    }

    /**
     * A document positioned inside {@code <channel>}, after its required elements.
     *
     * @param selfUrl       this feed's own URL
     * @param lastBuildDate when the newest item last changed; null for an empty feed (never the
     *                      time of the request, which would change the ETag of an unchanged feed)
     */
    public static XmlDocument channel(String title, String link, String description, String language, String selfUrl,
                                      Instant lastBuildDate) {
        return new XmlDocument("rss", Map.of("content", CONTENT_NS, "media", MEDIA_NS, "atom", ATOM_NS))
                .attribute("version", "2.0")
                .start("channel")
                .element("title", title)
                .element("link", link)
                .element("description", description)
                .element("language", language)
                .start("atom:link").attribute("href", selfUrl).attribute("rel", "self").attribute("type", "application/rss+xml").end()
                .element("lastBuildDate", date(lastBuildDate));
    }

    /** RFC 822 dates as RSS 2.0 asks ({@code Tue, 13 Sep 2016 08:00:00 GMT}); null for null. */
    public static String date(Instant instant) {
        return instant == null ? null : RFC_822.format(instant);
    }
}
