package dev.broadsheet.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the child's output (it must be read, or a full pipe blocks the child) for error messages. */
final class ProcessOutput {
    private static final int KEEP_CHARS = 8_000;
    private final StringBuilder text = new StringBuilder();
    private Thread reader;

    static ProcessOutput drain(InputStream stream, String threadName) {
        ProcessOutput output = new ProcessOutput();
        output.reader = new Thread(() -> output.readAll(stream), threadName);
        output.reader.setDaemon(true);
        output.reader.start();
        return output;
    }

    private void readAll(InputStream stream) {
        byte[] buffer = new byte[4096];
        try (stream) {
            for (int read; (read = stream.read(buffer)) >= 0; ) {
                append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException processEnded) {
            // The pipe closes when the process ends; what was read is kept.
        }
    }

    private synchronized void append(String chunk) {
        text.append(chunk);
        if (text.length() > KEEP_CHARS) {
            text.delete(0, text.length() - KEEP_CHARS);
        }
    }

    synchronized String text() {
        return text.toString();
    }

    /** The whole output of a process that has ended: its last lines may still be in the pipe. */
    String textAfterExit() {
        try {
            reader.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text();
    }
}
