package dev.broadsheet.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * What one execution environment gave: Lambda's numbers for its first invocation and, when asked,
 * for its warm ones, in milliseconds.
 *
 * @param initMs          Init Duration: process launch until the first {@code next} (with SnapStart:
 *                        until {@code restore/next})
 * @param restoreMs       with SnapStart, the restore phase ({@code afterRestore} hooks); else null
 * @param firstMs         the first invocation's Duration (event handed over until response posted)
 * @param warmMs          the warm invocations' Durations, sorted
 * @param roundTripMs     the warm invocations as the caller of the Runtime API sees them (invoke to
 *                        result), sorted: Duration plus the hand-over of event and response
 * @param maxMemoryUsedMb Max Memory Used after the last invocation
 * @param statuses        the warm responses' {@code statusCode}s, counted
 */
record Measurement(double initMs, Double restoreMs, double firstMs, double[] warmMs, double[] roundTripMs,
                   long maxMemoryUsedMb, Map<Integer, Integer> statuses) {

    /** Cold total: what the first request of a new environment waits for, init plus its invocation. */
    double coldTotalMs() {
        return initMs + firstMs;
    }

    Double warmPercentile(int percent) {
        return percentile(warmMs, percent);
    }

    Double roundTripPercentile(int percent) {
        return percentile(roundTripMs, percent);
    }

    /** Nearest-rank percentile of sorted samples; null when there are none. */
    static Double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
