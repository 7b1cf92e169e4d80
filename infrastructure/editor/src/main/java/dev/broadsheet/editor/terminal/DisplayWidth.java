package dev.broadsheet.editor.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * How many terminal columns text takes, as terminals draw it: East Asian wide and fullwidth
 * characters (CJK, Hangul, most emoji) take two, combining marks, format characters and the
 * parts of an emoji sequence after its first take none, everything else one.
 *
 * <p>Why not a library: JLine's {@code WCWidth} predates emoji presentation (it counts ✅ and ☕ as
 * one column), and ICU4J, which has the property, is 14 MB for one table. {@link #WIDE} is that
 * table, generated from ICU4J 76.1 (Unicode 16); {@code DisplayWidthTest} checks every code point
 * against ICU4J. Zero width comes from the JDK's general categories (Mn, Me, Cf).
 *
 * <p>Sequences: a joiner (U+200D) joins the next character into the emoji before it; a skin-tone
 * modifier after a character adds nothing; two regional indicators are one flag, two columns.
 * A variation selector adds nothing (text-presentation symbols followed by U+FE0F count as one
 * column, as wcwidth-based terminals draw them).
 */
public final class DisplayWidth {

    /** East Asian Width W or F: inclusive ranges, sorted. */
    private static final int[] WIDE = {
            0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
            0x25FD, 0x25FE, 0x2614, 0x2615, 0x2630, 0x2637, 0x2648, 0x2653, 0x267F, 0x267F, 0x268A, 0x268F,
            0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE,
            0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD,
            0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
            0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50,
            0x2B55, 0x2B55, 0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x303E, 0x3041, 0x3096,
            0x3099, 0x30FF, 0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E5, 0x31EF, 0x321E, 0x3220, 0x3247,
            0x3250, 0xA48C, 0xA490, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19,
            0xFE30, 0xFE52, 0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4,
            0x16FF0, 0x16FF1, 0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18CFF, 0x18D08, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB,
            0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B132, 0x1B132, 0x1B150, 0x1B152, 0x1B155, 0x1B155, 0x1B164, 0x1B167,
            0x1B170, 0x1B2FB, 0x1D300, 0x1D356, 0x1D360, 0x1D376, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
            0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265,
            0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3,
            0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D,
            0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F,
            0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC,
            0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF,
            0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA89, 0x1FA8F, 0x1FAC6, 0x1FACE, 0x1FADC, 0x1FADF, 0x1FAE9, 0x1FAF0, 0x1FAF8,
            0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    };

    private static final String ELLIPSIS = "…";
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private DisplayWidth() {
    }

    /** Columns of one code point standing alone: 0, 1 or 2. */
    public static int of(int codePoint) {
        if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0)) {
            return 0;
        }
        if (codePoint < 0x300) {
            return 1;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || (codePoint >= 0x1160 && codePoint <= 0x11FF)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /** Columns of a text, sequences counted as above. */
    public static int of(String text) {
        int width = 0;
        for (int[] cluster : clusters(text)) {
            width += cluster[2];
        }
        return width;
    }

    /**
     * The text if it fits in {@code columns}, else as much of it as fits with an ellipsis, never
     * cutting a character from its marks or an emoji sequence apart.
     */
    public static String truncate(String text, int columns) {
        if (of(text) <= columns) {
            return text;
        }
        if (columns <= 0) {
            return "";
        }
        int used = 0;
        int end = 0;
        for (int[] cluster : clusters(text)) {
            if (used + cluster[2] > columns - 1) {
                break;
            }
            used += cluster[2];
            end = cluster[1];
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** The text truncated to {@code columns} and padded with spaces to exactly that width. */
    public static String pad(String text, int columns) {
        String fitted = truncate(text, columns);
        return fitted + " ".repeat(Math.max(0, columns - of(fitted)));
    }

    /** {start, end, width} of each cluster: a character with the zero-width characters and joined parts after it. */
    private static List<int[]> clusters(String text) {
        List<int[]> clusters = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            int first = text.codePointAt(i);
            i += Character.charCount(first);
            int width = of(first);
            boolean flag = isRegionalIndicator(first);
            if (flag) {
                width = 1;
                if (i < text.length() && isRegionalIndicator(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                    width = 2;
                }
            }
            while (i < text.length()) {
                int next = text.codePointAt(i);
                if (next == ZERO_WIDTH_JOINER) {
                    i += Character.charCount(next);
                    if (i < text.length()) {
                        i += Character.charCount(text.codePointAt(i));
                    }
                } else if (of(next) == 0 || (isSkinTone(next) && width > 0)) {
                    i += Character.charCount(next);
                } else {
                    break;
                }
            }
            clusters.add(new int[] {start, i, width});
        }
        return clusters;
    }

    private static boolean isWide(int codePoint) {
        int low = 0;
        int high = WIDE.length / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (codePoint < WIDE[2 * middle]) {
                high = middle - 1;
            } else if (codePoint > WIDE[2 * middle + 1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static boolean isRegionalIndicator(int codePoint) {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }

    private static boolean isSkinTone(int codePoint) {
        return codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
    }
}
