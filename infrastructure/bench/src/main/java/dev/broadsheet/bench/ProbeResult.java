package dev.broadsheet.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** One probe JVM's result line ({@code PROBE name=value name=value ...}) and all it printed. */
record ProbeResult(Map<String, String> values, String output) {

    static final String PREFIX = "PROBE";

    /** The result line among a probe's standard output, or an exception quoting what it printed. */
    static ProbeResult parse(String output) {
        for (String line : output.split("\\R")) {
            if (line.startsWith(PREFIX + " ")) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String field : line.substring(PREFIX.length() + 1).trim().split(" +")) {
                    int equals = field.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("Malformed probe field '" + field + "' in: " + line);
                    }
                    values.put(field.substring(0, equals), field.substring(equals + 1));
                }
                return new ProbeResult(values, output);
            }
        }
        throw new IllegalArgumentException("The probe printed no result line; its output was:\n" + output);
    }

    double number(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The probe result has no " + name + ": " + values);
        }
        return Double.parseDouble(value);
    }

    Double optionalNumber(String name) {
        String value = values.get(name);
        return value == null ? null : Double.parseDouble(value);
    }

    String text(String name) {
        return values.get(name);
    }

    int firstStatus() {
        return (int) number("firstStatus");
    }
}
