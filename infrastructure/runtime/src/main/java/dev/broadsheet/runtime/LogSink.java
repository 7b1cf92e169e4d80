package dev.broadsheet.runtime;

/** Receives every line an execution environment writes, and the runtime's own lines about it. */
@FunctionalInterface
public interface LogSink {

    /** @param function the function's name, which prefixes the line in the local API's log */
    void line(String function, String line);

    /**
     * Lambda's {@code REPORT} after every invocation; by default written as its line. A sink that
     * needs the numbers (the benchmark) takes them here instead of parsing the line.
     */
    default void report(InvocationReport report) {
        line(report.function(), report.line());
    }

    /** {@code [FunctionName] line} on standard out, as {@code sam local} prints its containers' logs. */
    static LogSink standardOut() {
        return (function, line) -> System.out.println("[" + function + "] " + line);
    }
}
