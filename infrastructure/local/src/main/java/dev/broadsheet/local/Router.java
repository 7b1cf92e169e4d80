package dev.broadsheet.local;

import dev.broadsheet.template.SamTemplate.Route;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Selects the route of a request the way API Gateway HTTP APIs do: among the routes whose path
 * matches, the most specific path wins (literal segments over {@code {param}} over
 * {@code {param+}}), then an explicit method over {@code ANY}.
 */
final class Router {

    private final List<RoutePattern> patterns;

    Router(List<Route> routes) {
        this.patterns = routes.stream().map(RoutePattern::of).toList();
    }

    /** @throws IllegalArgumentException when the path is not valid percent-encoding */
    Optional<RouteMatch> route(String method, String rawPath) {
        Comparator<Candidate> specificity = (a, b) -> a.pattern().compareSpecificity(b.pattern());
        return patterns.stream()
                .filter(pattern -> pattern.route().method().equals(method) || pattern.route().method().equals("ANY"))
                .flatMap(pattern -> pattern.match(rawPath).map(parameters -> new Candidate(pattern, parameters)).stream())
                .min(specificity.thenComparing(candidate -> candidate.pattern().route().method().equals("ANY")))
                .map(candidate -> new RouteMatch(candidate.pattern().route(), candidate.parameters()));
    }

    private record Candidate(RoutePattern pattern, Map<String, String> parameters) {
    }

    /** A request's route and its decoded path parameters. */
    record RouteMatch(Route route, Map<String, String> pathParameters) {

        /** {@code GET /articles/{slug}}, as API Gateway names the route in the event. */
        String routeKey() {
            return route.method() + " " + route.path();
        }
    }
}
