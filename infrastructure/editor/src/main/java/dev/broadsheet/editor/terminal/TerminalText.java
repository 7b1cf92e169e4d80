package dev.broadsheet.editor.terminal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers' text made safe and short for an editor's terminal: comments are written by anyone, so
 * control characters (an ESC could rewrite the screen) never reach the terminal, and the stored
 * sanitized HTML is shown as one line of plain text.
 */
public final class TerminalText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private TerminalText() {
    }

    /** Sanitized HTML as one line of plain text: tags removed, entities decoded, as {@link #oneLine}. */
    public static String plain(String html) {
        String withoutTags = TAG.matcher(html == null ? "" : html).replaceAll(" ");
        return oneLine(decodeEntities(withoutTags));
    }

    /** As {@link #plain}, at most {@code columns} display columns. */
    public static String excerpt(String html, int columns) {
        return DisplayWidth.truncate(plain(html), columns);
    }

    /** As {@link #oneLine}, at most {@code columns} display columns; null as "-". */
    public static String clip(String text, int columns) {
        return text == null ? "-" : DisplayWidth.truncate(oneLine(text), columns);
    }

    /**
     * One line: no control or format characters (a bidirectional override could reorder the line),
     * runs of white space as one space. The joiners and tag characters that emoji sequences are made
     * of stay.
     */
    public static String oneLine(String text) {
        StringBuilder line = new StringBuilder();
        text.codePoints().forEach(c -> {
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                    || (Character.getType(c) == Character.FORMAT && !isEmojiPart(c));
            if (!space) {
                line.appendCodePoint(c);
            } else if (!line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
                line.append(' ');
            }
        });
        return line.toString().strip();
    }

    /** Zero-width joiner and non-joiner, and the tag characters of subdivision flags. */
    private static boolean isEmojiPart(int c) {
        return c == 0x200C || c == 0x200D || (c >= 0xE0020 && c <= 0xE007F);
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
