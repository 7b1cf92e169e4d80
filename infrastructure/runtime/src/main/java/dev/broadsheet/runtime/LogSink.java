package dev.broadsheet.runtime;

/** Receives every line an execution environment writes, and the runtime's own lines about it. */
@FunctionalInterface
public interface LogSink {

    /** @param function the function's name, which prefixes the line in the local API's log */
    void line(String function, String line);

    /** {@code [FunctionName] line} on standard out, as {@code sam local} prints its containers' logs. */
    static LogSink standardOut() {
        return (function, line) -> System.out.println("[" + function + "] " + line);
    }
}
