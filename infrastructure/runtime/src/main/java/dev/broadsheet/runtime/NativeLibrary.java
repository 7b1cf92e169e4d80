package dev.broadsheet.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The runtime interface client's JNI library, unpacked once for every environment.
 *
 * <p>Left to itself, the client unpacks it at each start to the fixed path
 * {@code /tmp/.libaws-lambda-jni.so}: harmless on Lambda, where every environment has a {@code /tmp}
 * of its own, but here environments share one, and a JVM loading the file while another rewrites it
 * dies of SIGBUS. The client's own system property
 * {@code com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI} points it at
 * this copy instead.
 */
final class NativeLibrary {

    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private NativeLibrary() {
    }

    /** Unpacks the library for this machine from the client's jar into {@code dir}. */
    static Path unpack(List<Path> runtimeClientJars, Path dir) {
        String name = "jni/libaws-lambda-jni." + platform() + ".so";
        for (Path jar : runtimeClientJars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(name);
                if (entry != null) {
                    Path library = dir.resolve("libaws-lambda-jni.so");
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return library;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + jar + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("The runtime interface client has no " + name
                + ": it supports Linux on x86_64 and arm64 only");
    }

    /** As the client names its builds: {@code linux-x86_64}, {@code linux-aarch_64}, or the musl ones. */
    static String platform() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "aarch_64" : arch;
        boolean musl = Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        return (musl ? "linux_musl-" : "linux-") + cpu;
    }
}
