package dev.broadsheet.local;

import dev.broadsheet.core.Problem;
import dev.broadsheet.local.Router.RouteMatch;
import dev.broadsheet.runtime.InvocationResult;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What API Gateway does between a client and the functions: answers preflights, routes, builds the
 * event, invokes the function through the local Lambda runtime, applies CORS, and answers for a
 * function that failed as API Gateway does.
 */
final class Gateway {

    private final Router router;
    private final Functions functions;
    private final CorsPolicy cors;
    /** The tests' openapi.yaml check of every function response, or null (see ContractCheck). */
    private final ContractCheck contract;

    Gateway(Router router, Functions functions, CorsPolicy cors) {
        this(router, functions, cors, null);
    }

    Gateway(Router router, Functions functions, CorsPolicy cors, ContractCheck contract) {
        this.router = router;
        this.functions = functions;
        this.cors = cors;
        this.contract = contract;
    }

    GatewayResponse respond(IncomingRequest request) {
        if (cors.isPreflight(request)) {
            return GatewayResponse.empty(204).withCors(cors.preflightHeaders(request));
        }
        GatewayResponse response;
        try {
            Optional<RouteMatch> match = router.route(request.method(), request.rawPath());
            response = match.isPresent() ? invoke(request, match.get())
                    : GatewayResponse.problem(Problem.notFound("No route for " + request.method() + " " + request.rawPath()
                            + " in template.yaml."));
        } catch (IllegalArgumentException malformed) {
            response = GatewayResponse.problem(Problem.of(400, "bad-request", "Bad request",
                    "The path or query string is not valid percent-encoding."));
        }
        return response.withCors(cors.responseHeaders(request.header("origin")));
    }

    private GatewayResponse invoke(IncomingRequest request, RouteMatch match) {
        String requestId = UUID.randomUUID().toString();
        byte[] event = EventFactory.json(request, match, requestId, Instant.now());
        String function = match.route().functionId();
        InvocationResult result;
        try {
            result = functions.invoke(function, event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GatewayResponse.problem(Problem.of(503, "unavailable", "Service unavailable",
                    "The local API is shutting down."));
        }
        if (result instanceof InvocationResult.Failure failure) {
            // What Lambda reports as a function error; API Gateway answers 500 and the cause is in the function's log.
            System.err.println("[" + function + "] invocation for " + request.method() + " " + request.rawPath()
                    + " failed (" + failure.kind() + "): " + failure.errorType() + ": " + failure.errorMessage());
            return GatewayResponse.internalServerError();
        }
        try {
            GatewayResponse decoded = GatewayResponse.fromPayload(((InvocationResult.Response) result).payload());
            return contract == null ? decoded : contract.check(match.route(), decoded);
        } catch (GatewayResponse.InvalidResponseException e) {
            System.err.println("[" + function + "] returned a response API Gateway cannot use: " + e.getMessage());
            return GatewayResponse.internalServerError();
        }
    }
}
