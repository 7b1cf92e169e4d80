package dev.broadsheet.editor.comments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers' text made safe and short for an editor's terminal: comments are written by anyone, so
 * control characters (an ESC could rewrite the screen) never reach the terminal, and the stored
 * sanitized HTML is shown as one line of plain text.
 */
final class TerminalText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private TerminalText() {
    }

    /** Sanitized HTML as one line of text, at most {@code max} characters. */
    static String excerpt(String html, int max) {
        String withoutTags = TAG.matcher(html == null ? "" : html).replaceAll(" ");
        return clip(decodeEntities(withoutTags), max);
    }

    /** One line, no control characters, runs of white space as one space, at most {@code max} characters. */
    static String clip(String text, int max) {
        if (text == null) {
            return "-";
        }
        StringBuilder line = new StringBuilder();
        text.codePoints().forEach(c -> {
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT;
            if (!space) {
                line.appendCodePoint(c);
            } else if (!line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
                line.append(' ');
            }
        });
        String result = line.toString().strip();
        if (result.codePointCount(0, result.length()) <= max) {
            return result;
        }
        return result.substring(0, result.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    private static String decodeEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> {
                    int codePoint = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    yield Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : "\uFFFD";
                }
            };
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }
}
