package dev.broadsheet.comments.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The field limits of the comment form (WordPress's, from wp-includes/comment.php). */
final class SubmissionRules {

    static final int MAX_AUTHOR = 245;
    static final int MAX_EMAIL = 100;
    static final int MAX_URL = 200;
    static final int MAX_CONTENT = 65_525;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private SubmissionRules() {
    }

    static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
