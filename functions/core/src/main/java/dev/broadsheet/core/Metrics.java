package dev.broadsheet.core;

import java.io.PrintStream;

/**
 * Business metrics as CloudWatch Embedded Metric Format (EMF): one JSON line on standard output per
 * count, which CloudWatch Logs turns into a metric of namespace {@value #NAMESPACE} with the
 * dimension {@code FunctionName} (and, for a refusal, a second dimension set with its
 * {@code Reason}). No client library and no API call: Lambda ships stdout to the function's log
 * group, and the extraction happens there, off the request path.
 *
 * <p>Hand-written rather than the {@code aws-embedded-metrics} library, which brings Jackson
 * databind and a threaded flusher onto the cold path for what is one line of text.
 *
 * <p>Nothing is counted while a handler primes itself before a SnapStart snapshot ({@link #muted}).
 */
public final class Metrics {

    public static final String NAMESPACE = "Broadsheet";
    /** Set by Lambda in every function (a runtime variable, like AWS_REGION); "local" elsewhere. */
    private static final String FUNCTION_NAME_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";

    public static final String COMMENTS_ACCEPTED = "CommentsAccepted";
    public static final String COMMENTS_HELD = "CommentsHeld";
    public static final String COMMENTS_SPAM = "CommentsSpam";
    public static final String COMMENTS_REFUSED = "CommentsRefused";
    public static final String CHALLENGES_ISSUED = "ChallengesIssued";
    public static final String CHALLENGE_FAILURES = "ChallengeFailures";
    public static final String IMAGES_SIGNED = "ImagesSigned";

    private static volatile boolean muted;

    private Metrics() {
    }

    public static void count(String metric) {
        count(metric, 1, null);
    }

    public static void count(String metric, long value) {
        count(metric, value, null);
    }

    /**
     * Emits one count.
     *
     * @param reason null, or why (a problem type such as {@code comment-flood}): a second dimension
     */
    public static void count(String metric, long value, String reason) {
        if (muted || value <= 0) {
            return;
        }
        String function = System.getenv(FUNCTION_NAME_VARIABLE);
        PrintStream out = System.out;
        out.println(line(metric, value, reason, function == null ? "local" : function, System.currentTimeMillis()));
    }

    /**
     * Runs {@code work} (a SnapStart priming) without emitting anything, and builds one line without
     * printing it, so that the first real count after a restore finds its code compiled.
     */
    public static void muted(Runnable work) {
        muted = true;
        try {
            work.run();
            line(COMMENTS_REFUSED, 1, "priming", "priming", System.currentTimeMillis());
        } finally {
            muted = false;
        }
    }

    /**
     * The EMF line. Metric names are our constants; the function name and the reason are reduced
     * to the characters they are made of (letters, digits, {@code -_.}), so nothing needs escaping.
     */
    static String line(String metric, long value, String reason, String functionName, long timestampMillis) {
        String function = safe(functionName);
        String dimensions = reason == null ? "[[\"FunctionName\"]]" : "[[\"FunctionName\"],[\"FunctionName\",\"Reason\"]]";
        StringBuilder line = new StringBuilder(256)
                .append("{\"_aws\":{\"Timestamp\":").append(timestampMillis)
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":\"").append(NAMESPACE)
                .append("\",\"Dimensions\":").append(dimensions)
                .append(",\"Metrics\":[{\"Name\":\"").append(safe(metric)).append("\",\"Unit\":\"Count\"}]}]}")
                .append(",\"FunctionName\":\"").append(function).append('"');
        if (reason != null) {
            line.append(",\"Reason\":\"").append(safe(reason)).append('"');
        }
        return line.append(",\"").append(safe(metric)).append("\":").append(value).append('}').toString();
    }

    /** A plain loop, not a regex: this runs on the first request's path (measured: a regex cost 4-11 ms cold). */
    private static String safe(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
            if (!plain) {
                chars[i] = '_';
            }
        }
        return new String(chars);
    }
}
