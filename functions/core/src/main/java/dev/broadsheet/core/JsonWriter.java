package dev.broadsheet.core;

import java.util.List;

/**
 * A minimal streaming JSON writer for {@link JsonWritable} bodies. Object fields with a null value
 * are left out (the project's {@code NON_NULL} rule); strings are escaped as Jackson escapes them.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(4096);
    private boolean needsComma;

    private JsonWriter() {
    }

    public static String write(JsonWritable value) {
        JsonWriter writer = new JsonWriter();
        value.writeJson(writer);
        return writer.out.toString();
    }

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    public JsonWriter field(String name, String value) {
        return value == null ? this : name(name).string(value);
    }

    public JsonWriter field(String name, long value) {
        name(name).out.append(value);
        needsComma = true;
        return this;
    }

    public JsonWriter field(String name, boolean value) {
        name(name).out.append(value);
        needsComma = true;
        return this;
    }

    public JsonWriter field(String name, JsonWritable value) {
        if (value != null) {
            name(name);
            needsComma = false;
            value.writeJson(this);
        }
        return this;
    }

    public JsonWriter field(String name, List<? extends JsonWritable> values) {
        if (values == null) {
            return this;
        }
        name(name).out.append('[');
        needsComma = false;
        for (JsonWritable value : values) {
            if (value == null) {
                separate();
                out.append("null");
                needsComma = true;
            } else {
                value.writeJson(this);
            }
        }
        out.append(']');
        needsComma = true;
        return this;
    }

    public JsonWriter strings(String name, List<String> values) {
        if (values == null) {
            return this;
        }
        name(name).out.append('[');
        needsComma = false;
        for (String value : values) {
            if (value == null) {
                separate();
                out.append("null");
                needsComma = true;
            } else {
                separate();
                string(value);
            }
        }
        out.append(']');
        needsComma = true;
        return this;
    }

    private JsonWriter name(String name) {
        separate();
        quoted(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    private JsonWriter string(String value) {
        quoted(value);
        needsComma = true;
        return this;
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void quoted(String value) {
        out.append('"');
        int first = firstToEscape(value);
        if (first < 0) {
            // The usual case: the whole string is copied at once.
            out.append(value);
        } else {
            out.append(value, 0, first);
            for (int i = first; i < value.length(); i++) {
                escaped(value.charAt(i));
            }
        }
        out.append('"');
    }

    private static int firstToEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    private void escaped(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> {
                if (c < 0x20) {
                    out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else {
                    out.append(c);
                }
            }
        }
    }
}
