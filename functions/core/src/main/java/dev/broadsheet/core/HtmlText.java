package dev.broadsheet.core;

/** Plain text made safe inside HTML text and attribute values: the one HTML escaper of the functions. */
public final class HtmlText {

    private HtmlText() {
    }

    /** Escapes the five characters that could end a text or an attribute value or start markup. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
