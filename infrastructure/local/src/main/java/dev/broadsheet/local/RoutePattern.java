package dev.broadsheet.local;

import dev.broadsheet.template.SamTemplate.Route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code HttpApi} route compiled for matching: literal segments, {@code {name}} segments
 * (exactly one non-empty segment) and a trailing greedy {@code {name+}} (one or more segments).
 */
record RoutePattern(Route route, List<Segment> segments) {

    /** Segment kinds in the order API Gateway prefers them when several routes match. */
    enum Kind { LITERAL, PARAMETER, GREEDY }

    record Segment(Kind kind, String text) {
    }

    static RoutePattern of(Route route) {
        List<Segment> segments = new ArrayList<>();
        String[] parts = route.path().substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("A greedy path variable must be the last segment: " + route.path());
                }
                segments.add(new Segment(Kind.GREEDY, part.substring(1, part.length() - 2)));
            } else if (part.startsWith("{") && part.endsWith("}")) {
                segments.add(new Segment(Kind.PARAMETER, part.substring(1, part.length() - 1)));
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
        return new RoutePattern(route, List.copyOf(segments));
    }

    /**
     * The decoded path parameters when the raw (still percent-encoded) path matches. Splitting
     * before decoding keeps an encoded slash ({@code %2F}) inside its segment.
     *
     * @throws IllegalArgumentException when a segment is not valid percent-encoding
     */
    Optional<Map<String, String>> match(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.kind() == Kind.GREEDY) {
                String rest = String.join("/", List.of(parts).subList(Math.min(i, parts.length), parts.length));
                if (rest.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.text(), PercentDecoding.path(rest));
                return Optional.of(parameters);
            }
            if (i >= parts.length) {
                return Optional.empty();
            }
            String value = PercentDecoding.path(parts[i]);
            if (segment.kind() == Kind.LITERAL ? !segment.text().equals(value) : value.isEmpty()) {
                return Optional.empty();
            }
            if (segment.kind() == Kind.PARAMETER) {
                parameters.put(segment.text(), value);
            }
        }
        return parts.length == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Negative when this pattern is more specific: segment by segment, literal before parameter before greedy. */
    int compareSpecificity(RoutePattern other) {
        for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
            int byKind = segments.get(i).kind().compareTo(other.segments.get(i).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        return Integer.compare(other.segments.size(), segments.size());
    }
}
