package dev.broadsheet.runtime;

/** What an invocation came to, as Lambda's Invoke API would report it. */
public sealed interface InvocationResult {

    /** The function's response payload, as the runtime client posted it. */
    record Response(byte[] payload) implements InvocationResult {
    }

    /**
     * A function error: Invoke's {@code X-Amz-Function-Error} with the error document.
     *
     * @param errorType e.g. {@code java.lang.IllegalStateException}, {@code Sandbox.Timedout},
     *                  {@code Runtime.ExitError}
     */
    record Failure(Kind kind, String errorType, String errorMessage) implements InvocationResult {
    }

    /** Why an invocation failed; API Gateway answers each with {@code 500 Internal Server Error}. */
    enum Kind {
        /** The handler threw; the runtime client reported it and the environment lives on. */
        HANDLER_ERROR,
        /** The function ran past its {@code Timeout}; its environment was ended. */
        TIMEOUT,
        /** The environment could not initialize: an init error, a JVM that exited, or init past its limit. */
        INIT_ERROR,
        /** The JVM exited during the invocation. */
        RUNTIME_EXIT,
        /** The response was larger than Lambda's 6 MB limit for synchronous invocations. */
        RESPONSE_TOO_LARGE
    }
}
