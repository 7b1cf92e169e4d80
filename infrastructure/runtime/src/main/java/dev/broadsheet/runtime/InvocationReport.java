package dev.broadsheet.runtime;

import java.util.Locale;

/**
 * What Lambda's {@code REPORT} line says of one invocation, as numbers.
 *
 * @param function          the function's name
 * @param requestId         the invocation's request id
 * @param durationMs        Lambda's {@code Duration}: from handing the event to the runtime client (its
 *                          {@code next} answered) until the response or error is posted
 * @param billedMs          {@code Billed Duration}: rounded up to the millisecond, the init phase included
 *                          on a cold start (Lambda bills it since August 2025)
 * @param memorySizeMb      {@code MemorySize}
 * @param maxMemoryUsedMb   the environment's peak resident set so far ({@code VmHWM}); 0 when unknown
 * @param initDurationMs    on the environment's first invocation, the init phase: process launch until
 *                          the first {@code next} (with SnapStart, until {@code restore/next}, the
 *                          snapshot); null on later invocations
 * @param restoreDurationMs with SnapStart, on the first invocation: from {@code restore/next} until the
 *                          first {@code next} (the {@code afterRestore} hooks); null otherwise
 */
public record InvocationReport(String function, String requestId, double durationMs, long billedMs, int memorySizeMb,
                               long maxMemoryUsedMb, Double initDurationMs, Double restoreDurationMs) {

    /** Whether this was the environment's first invocation (a cold start or a restore). */
    public boolean cold() {
        return initDurationMs != null;
    }

    /** The line in Lambda's text format (tab-separated), as CloudWatch shows it. */
    public String line() {
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedMs).append(" ms")
                .append("\tMemory Size: ").append(memorySizeMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        if (restoreDurationMs != null) {
            line.append("\tRestore Duration: ").append(millis(restoreDurationMs)).append(" ms");
        } else if (initDurationMs != null) {
            line.append("\tInit Duration: ").append(millis(initDurationMs)).append(" ms");
        }
        return line.toString();
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }
}
