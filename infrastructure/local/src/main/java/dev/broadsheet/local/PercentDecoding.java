package dev.broadsheet.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** UTF-8 percent-decoding, the two ways a URL needs it. */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** A path: {@code +} is a plus sign. @throws IllegalArgumentException on malformed escapes */
    static String path(String raw) {
        return raw.indexOf('%') < 0 ? raw : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A query string component: {@code +} is a space. @throws IllegalArgumentException on malformed escapes */
    static String query(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
