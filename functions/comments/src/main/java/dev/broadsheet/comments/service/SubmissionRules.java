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

    /**
     * Characters no one types in an email address and that make two addresses look alike or
     * hash alike: control and format (zero-width) characters, lone UTF-16 surrogates, private-use
     * and unassigned code points, line and paragraph separators.
     */
    static boolean hasInvisibleCharacter(String value) {
        return value.codePoints().anyMatch(codePoint -> switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        });
    }

    /** A UTF-16 surrogate without its pair: not text (UTF-8 cannot encode it; it would be stored as '?'). */
    static boolean hasUnpairedSurrogate(String value) {
        return value.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.SURROGATE);
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
