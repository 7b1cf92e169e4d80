package dev.broadsheet.local;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.nio.charset.StandardCharsets;

/** A function's log lines on stderr, each prefixed with the function's name so interleaved logs stay readable. */
record StderrLogger(String functionName) implements LambdaLogger {

    @Override
    public void log(String message) {
        System.err.println("[" + functionName + "] " + message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        log(level + " " + message);
    }
}
