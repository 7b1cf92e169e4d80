package dev.broadsheet.articles.model;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for URLs in a body: which links a span may carry ({@code http:}, {@code https:},
 * {@code mailto:}), which a quote may cite ({@code http:}, {@code https:}). The editor refuses
 * anything else and the feed's HTML renders anything else as plain text, so no {@code javascript:}
 * or {@code data:} URL reaches a page through the API.
 */
public final class Links {

    public static final int MAX_LENGTH = 2_000;
    private static final Set<String> WEB = Set.of("http", "https");
    private static final Set<String> HREF = Set.of("http", "https", "mailto");

    private Links() {
    }

    /** A link of a span: an absolute {@code http:}/{@code https:} URL with a host, or {@code mailto:} with an address. */
    public static boolean isHref(String url) {
        URI uri = parse(url);
        return uri != null && HREF.contains(scheme(uri)) && (scheme(uri).equals("mailto") ? isMailto(uri) : isWeb(uri));
    }

    /** An absolute {@code http:} or {@code https:} URL with a host and no user name (a quote's source, a page). */
    public static boolean isWebUrl(String url) {
        URI uri = parse(url);
        return uri != null && WEB.contains(scheme(uri)) && isWeb(uri);
    }

    /**
     * The host (lower case, international names in their ASCII form) of an absolute {@code https:} URL
     * with no user name or port: what an embed may point at; null for any other URL.
     */
    static String httpsHost(String url) {
        URI uri = parse(url);
        return uri != null && scheme(uri).equals("https") && isWeb(uri) && uri.getPort() == -1 ? host(uri) : null;
    }

    private static boolean isWeb(URI uri) {
        return !uri.isOpaque() && uri.getRawUserInfo() == null && host(uri) != null;
    }

    /**
     * The URL's host. {@link URI} parses only ASCII host names: an international one ({@code 例え.jp})
     * is left as a bare authority, checked here in its ASCII form ({@code xn--r8jz45g.jp}).
     */
    private static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost().toLowerCase(Locale.ROOT);
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.indexOf('@') >= 0 || authority.indexOf(':') >= 0) {
            return null;
        }
        try {
            String ascii = IDN.toASCII(authority, IDN.USE_STD3_ASCII_RULES);
            String host = new URI("https", ascii, "/", null).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | URISyntaxException e) {
            return null;
        }
    }

    private static boolean isMailto(URI uri) {
        String address = uri.getSchemeSpecificPart();
        return uri.isOpaque() && address != null && address.indexOf('@') > 0;
    }

    private static String scheme(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** Absolute, within the length, no whitespace or control characters (which browsers strip, hiding a scheme). */
    private static URI parse(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH
                || url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c))) {
            return null;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
