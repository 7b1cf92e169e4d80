package dev.broadsheet.local;

import dev.broadsheet.editor.destination.LocalApiFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script waits for the local API's port to open, then runs {@code broadsheet --local}: the file
 * the editor reads must be there by then.
 */
class DiscoveryFileIT {

    @TempDir
    Path dir;

    @Test
    void theDiscoveryFileIsWrittenBeforeThePortOpens() throws Exception {
        Path file = dir.resolve(".broadsheet").resolve(LocalApiFile.NAME);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // Like a script's wait loop (nc -z, curl --retry-connrefused): until the port opens, then the file at once.
        CompletableFuture<Boolean> fileWhenThePortOpens = CompletableFuture.supplyAsync(() -> {
            while (true) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return Files.exists(file);
                } catch (IOException e) {
                    sleep();
                }
            }
        });

        try (LocalApi api = LocalApi.start(new Settings(port, null, false, Map.of()), file)) {
            assertEquals(port, api.port());
            assertTrue(fileWhenThePortOpens.get(60, TimeUnit.SECONDS), "the port opened before " + file + " existed");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
