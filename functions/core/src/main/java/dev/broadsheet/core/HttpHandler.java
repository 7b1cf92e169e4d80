package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The base of every HTTP handler: turns a {@link ProblemException} into its problem response
 * and anything unexpected into a bare 500 — the stack trace goes to the log, never to the client.
 */
public abstract class HttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return handle(new Request(event));
        } catch (ProblemException e) {
            return Responses.problem(e.problem(), e.headers());
        } catch (RuntimeException e) {
            log(context, e);
            return Responses.problem(Problem.of(500, "internal-error", "Internal error",
                    "Something went wrong on our side; try again later."));
        }
    }

    protected abstract APIGatewayV2HTTPResponse handle(Request request);

    private static void log(Context context, RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("Unhandled error: " + trace, LogLevel.ERROR);
        } else {
            System.err.println("Unhandled error: " + trace);
        }
    }
}
