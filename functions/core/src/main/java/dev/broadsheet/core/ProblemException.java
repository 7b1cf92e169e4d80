package dev.broadsheet.core;

import java.util.List;

/** Ends a request with a problem response; thrown by parsing and validation, caught in {@link HttpHandler}. */
public final class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException invalid(String field, String code, String message) {
        return new ProblemException(Problem.invalidRequest(List.of(new Problem.FieldError(field, code, message))));
    }

    public Problem problem() {
        return problem;
    }
}
