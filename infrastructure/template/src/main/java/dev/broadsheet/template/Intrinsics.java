package dev.broadsheet.template;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions a local runtime meets in environment variables and CORS
 * settings: {@code Ref}, {@code Fn::Sub} and {@code Fn::Join}. A reference names a parameter or a
 * resource; {@code lookup} says what it stands for locally (a table name, a parameter value).
 */
public final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private Intrinsics() {
    }

    /** A scalar value; a list (a CommaDelimitedList parameter) is joined with commas. */
    public static String resolve(Object value, Function<String, String> lookup) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            String function = String.valueOf(entry.getKey());
            Object argument = entry.getValue();
            switch (function) {
                case "Ref":
                    return require(lookup, String.valueOf(argument));
                case "Fn::Sub":
                    return substitute(String.valueOf(argument instanceof List<?> list ? list.get(0) : argument), lookup);
                case "Fn::Join":
                    List<?> parts = (List<?>) argument;
                    String delimiter = String.valueOf(parts.get(0));
                    return String.join(delimiter, ((List<?>) parts.get(1)).stream().map(part -> resolve(part, lookup)).toList());
                default:
                    throw new IllegalArgumentException("The local runtime cannot resolve " + function + " in " + value);
            }
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(item -> resolve(item, lookup)).toList());
        }
        return value == null ? null : String.valueOf(value);
    }

    /** A list value: a YAML list, or a reference to a CommaDelimitedList parameter. */
    public static List<String> resolveList(Object value, Function<String, String> lookup) {
        String joined = resolve(value, lookup);
        return joined == null || joined.isBlank() ? List.of()
                : List.of(joined.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String substitute(String text, Function<String, String> lookup) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(require(lookup, matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String require(Function<String, String> lookup, String name) {
        String value = lookup.apply(name);
        if (value == null) {
            throw new IllegalArgumentException("The local runtime has no value for " + name);
        }
        return value;
    }
}
