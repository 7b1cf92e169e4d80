package dev.broadsheet.bench;

import dev.broadsheet.runtime.FunctionConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One row of the benchmark: a function as the local Lambda runtime runs it, with the sample event
 * it gets and, for A/B rows, the JDK it runs on.
 *
 * @param label    the row's name: the template's logical id, {@code Id@variant}, or a reference row's name
 * @param kind     what the row is for
 * @param language {@code java}, {@code node} or {@code python}
 * @param function what the runtime is told (code, handler, memory, environment)
 * @param event    the sample event of its route
 * @param javaHome the JDK of its environments; null for the default (or for peers)
 */
record Subject(String label, Kind kind, String language, FunctionConfig function, Path event, Path javaHome) {

    enum Kind {
        /** A function of template.yaml (or an A/B variant of one). */
        FUNCTION,
        /** The Java floor: the bare SDK's GetItem through the same runtime path. */
        FLOOR,
        /** Node.js or Python doing the same GetItem. */
        PEER,
        /** A handler that does nothing: the runtime client's and the Runtime API's own cost. */
        DO_NOTHING
    }

    /** The code Lambda would get: the deployment jar, or the peer's directory (its dependencies included). */
    double codeMb() {
        Path code = function.codeUri();
        try (Stream<Path> files = Files.isDirectory(code) ? Files.walk(code) : Stream.of(code)) {
            return files.filter(Files::isRegularFile).mapToLong(Subject::size).sum() / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Subject withLabel(String newLabel) {
        return new Subject(newLabel, kind, language, function, event, javaHome);
    }
}
