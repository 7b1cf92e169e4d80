package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.crac.Core;
import org.crac.Resource;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The base of every HTTP handler: turns a {@link ProblemException} into its problem response
 * and anything unexpected into a bare 500 — the stack trace goes to the log, never to the client.
 *
 * <p>Every handler is also a SnapStart (CRaC) resource. Before the snapshot, {@link #prime()} runs
 * the code paths of a real request, writing nothing, so that a restored function finds its classes
 * loaded, initialised and compiled; after restore, whatever must differ between restored copies is
 * renewed: cached credentials (see {@link AwsClients}) and whatever {@link #restored()} renews.
 * The Lambda runtime holds the handler strongly, which keeps the registration (CRaC holds resources
 * weakly) alive.
 */
public abstract class HttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /**
     * Read from the process environment, where Lambda puts the template's variables: the local API
     * and the tests run without a CDN unless they say otherwise ({@link #behind}).
     */
    private volatile CdnOrigin cdn = CdnOrigin.from(Environment.fromSystem());

    protected HttpHandler() {
        Core.getGlobalContext().register(this);
    }

    /** This handler behind a CDN (or {@link CdnOrigin#NONE}): for the local runtimes and tests. */
    public final HttpHandler behind(CdnOrigin origin) {
        this.cdn = origin;
        return this;
    }

    /** The reader's address: the CDN's viewer address behind it, else API Gateway's source IP. */
    protected final String clientAddress(Request request) {
        return cdn.clientAddress(request);
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Request request = new Request(event);
            cdn.verify(request);
            return handle(request);
        } catch (ProblemException e) {
            return Responses.problem(e.problem(), e.headers());
        } catch (RuntimeException e) {
            log(context, e);
            return Responses.problem(Problem.of(500, "internal-error", "Internal error",
                    "Something went wrong on our side; try again later."));
        }
    }

    protected abstract APIGatewayV2HTTPResponse handle(Request request);

    /**
     * A representative request that writes nothing: e.g. a read of a key that does not exist
     * through {@link #handleRequest}, and the rendering of a sample. The default primes the shared
     * paths only (a request that fails validation, a problem response).
     */
    protected void prime() {
        handleRequest(PrimingEvents.get("/", java.util.Map.of()), null);
    }

    /** After a SnapStart restore: renew state that must not be shared between restored copies (random generators). */
    protected void restored() {
    }

    @Override
    public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        try {
            // Priming's requests are not readers': they count in no business metric, and they come
            // from inside, not through the CDN.
            CdnOrigin origin = cdn;
            cdn = CdnOrigin.NONE;
            try {
                Metrics.muted(this::prime);
            } finally {
                cdn = origin;
            }
        } catch (RuntimeException e) {
            // Priming only saves time: a snapshot without it is slower to warm up, never wrong.
            System.err.println("SnapStart priming of " + getClass().getName() + " failed: " + e);
        }
    }

    @Override
    public final void afterRestore(org.crac.Context<? extends Resource> context) {
        AwsClients.afterRestore();
        restored();
    }

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
