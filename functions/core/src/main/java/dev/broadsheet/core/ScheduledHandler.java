package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The base of a function run by a {@code Schedule} event (EventBridge): the event says only that
 * the time has come, so it is read and ignored; the run's summary is the response (JSON, for the
 * log and for whoever invokes it by hand). A run that throws fails the invocation, which the
 * function's Errors alarm counts and EventBridge retries; whatever a run does must therefore be
 * safe to repeat. Like {@link HttpHandler}, a SnapStart resource: after restore, cached
 * credentials are renewed and {@link #restored()} runs.
 */
public abstract class ScheduledHandler implements RequestStreamHandler, Resource {

    protected ScheduledHandler() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public final void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        event.readAllBytes();
        response.write(JsonWriter.write(run()).getBytes(StandardCharsets.UTF_8));
    }

    /** One run: does what is due and says what it did. */
    protected abstract JsonWritable run();

    /** After a SnapStart restore: renew state that must not be shared between restored copies. */
    protected void restored() {
    }

    @Override
    public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        // Nothing to prime without side effects: a run reads queues and may send mail.
    }

    @Override
    public final void afterRestore(org.crac.Context<? extends Resource> context) {
        AwsClients.afterRestore();
        restored();
    }
}
