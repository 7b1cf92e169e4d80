package dev.broadsheet.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.broadsheet.core.Problem;
import dev.broadsheet.local.Router.RouteMatch;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What API Gateway does between a client and the functions: answers preflights, routes, builds the
 * event, invokes the function, applies CORS, and turns a failing function into a 500.
 */
final class Gateway implements HttpHandler {

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

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long started = System.nanoTime();
            IncomingRequest request = IncomingRequest.read(exchange);
            GatewayResponse response = respond(request);
            write(exchange, request, response);
            System.out.printf("%s %s -> %d (%d ms)%n", request.method(), exchange.getRequestURI(), response.status(),
                    (System.nanoTime() - started) / 1_000_000);
        }
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
        APIGatewayV2HTTPEvent event = EventFactory.build(request, match, requestId, Instant.now());
        LocalFunction function = functions.get(match.route().functionId());
        try {
            APIGatewayV2HTTPResponse response = function.invoke(event, requestId);
            if (response == null || response.getStatusCode() == 0) {
                throw new IllegalStateException("the handler returned no status code");
            }
            GatewayResponse decoded = GatewayResponse.fromFunction(response);
            return contract == null ? decoded : contract.check(match.route(), decoded);
        } catch (RuntimeException | Error e) {
            // What Lambda reports as a function error; API Gateway answers 500 and the trace goes to the log.
            System.err.println("[" + function.name() + "] invocation " + requestId + " failed:");
            e.printStackTrace();
            return GatewayResponse.problem(Problem.of(500, "internal-error", "Internal Server Error",
                    function.name() + " failed; its stack trace is in the local API's output."));
        }
    }

    private static void write(HttpExchange exchange, IncomingRequest request, GatewayResponse response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean bodiless = request.method().equals("HEAD") || response.status() == 204 || response.status() == 304
                || response.body().length == 0;
        // -1 tells the server there is no body at all; a length otherwise, so no chunked encoding.
        exchange.sendResponseHeaders(response.status(), bodiless ? -1 : response.body().length);
        if (!bodiless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
