package dev.broadsheet.core;

import java.util.List;

/**
 * A minimal streaming JSON writer for {@link JsonWritable} bodies. Object fields with a null value
 * are left out (the project's {@code NON_NULL} rule); strings are escaped as Jackson escapes them.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Chars out = new Chars();
    private boolean needsComma;

    private JsonWriter() {
    }

    public static String write(JsonWritable value) {
        JsonWriter writer = new JsonWriter();
        try {
            value.writeJson(writer);
            return writer.out.toString();
        } finally {
            writer.out.release();
        }
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

    /** An array as a value (an element of another array, e.g. a table's row); its elements follow, then {@link #endArray}. */
    public JsonWriter beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
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
        int clean = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                // The run before it in one copy: most strings have no character to escape at all.
                out.append(value, clean, i);
                escaped(c);
                clean = i + 1;
            }
        }
        out.append(value, clean, value.length()).append('"');
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

    /** A growable char buffer that copies a run of a string at once (StringBuilder appends a range char by char). */
    private static final class Chars {
        /** One buffer per thread, reused as Jackson reuses its own: a response is written without growing one. */
        private static final ThreadLocal<char[]> SPARE = new ThreadLocal<>();

        private char[] chars;
        private int length;

        Chars() {
            char[] spare = SPARE.get();
            SPARE.set(null);
            chars = spare != null ? spare : new char[4096];
        }

        /** Hands the buffer back for the thread's next response; kept only up to 64 K chars. */
        void release() {
            if (chars.length <= 65_536) {
                SPARE.set(chars);
            }
        }

        Chars append(char c) {
            ensure(1);
            chars[length++] = c;
            return this;
        }

        Chars append(String s) {
            int n = s.length();
            ensure(n);
            s.getChars(0, n, chars, length);
            length += n;
            return this;
        }

        Chars append(String s, int from, int to) {
            ensure(to - from);
            s.getChars(from, to, chars, length);
            length += to - from;
            return this;
        }

        Chars append(long value) {
            return append(Long.toString(value));
        }

        Chars append(boolean value) {
            return append(value ? "true" : "false");
        }

        private void ensure(int more) {
            if (length + more > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
