package dev.broadsheet.runtime;

import java.util.concurrent.CompletableFuture;

/** One event on its way through an execution environment, and the result it comes to. */
final class PendingInvocation {

    private final String requestId;
    private final byte[] event;
    private final long deadlineEpochMs;
    private final String functionArn;
    private final String traceId;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private volatile long startedNanos;

    PendingInvocation(String requestId, byte[] event, long deadlineEpochMs, String functionArn, String traceId) {
        this.requestId = requestId;
        this.event = event;
        this.deadlineEpochMs = deadlineEpochMs;
        this.functionArn = functionArn;
        this.traceId = traceId;
    }

    String requestId() {
        return requestId;
    }

    byte[] event() {
        return event;
    }

    long deadlineEpochMs() {
        return deadlineEpochMs;
    }

    String functionArn() {
        return functionArn;
    }

    String traceId() {
        return traceId;
    }

    CompletableFuture<InvocationResult> result() {
        return result;
    }

    /** The runtime client received the event: what Lambda's {@code Duration} counts from. */
    void markStarted() {
        startedNanos = System.nanoTime();
    }

    long startedNanos() {
        return startedNanos;
    }

    void complete(InvocationResult outcome) {
        result.complete(outcome);
    }
}
