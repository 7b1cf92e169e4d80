package dev.broadsheet.core;

import java.util.List;
import java.util.Map;

/** Ends a request with a problem response; thrown by parsing and validation, caught in {@link HttpHandler}. */
public final class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /** With response headers the problem needs, e.g. {@code Retry-After} on a 429. */
    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException invalid(String field, String code, String message) {
        return new ProblemException(Problem.invalidRequest(List.of(new Problem.FieldError(field, code, message))));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
