package dev.broadsheet.editor.destination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code .broadsheet/local-api.json}: how the running local API's emulators are reached. The local
 * API writes it when it is ready and deletes it when it stops; {@code broadsheet --local} reads it.
 * It holds only the emulators' fixed local credentials, never an AWS secret.
 *
 * @param pid the local API's process, so that a second local API does not delete the first one's file
 */
public record LocalApiFile(String apiUrl, URI dynamoDbEndpoint, URI s3Endpoint, String region, String accessKeyId,
                           String secretAccessKey, String articlesTable, String imagesBucket, String commentsTable,
                           String guardsTable, String notificationsTable, long pid) {

    public static final String NAME = "local-api.json";

    /** {@code <repo>/.broadsheet/local-api.json} (git-ignored). */
    public static Path defaultLocation(Path repoRoot) {
        return repoRoot.resolve(".broadsheet").resolve(NAME);
    }

    /** Writes the file atomically: a reader never sees half of it. */
    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), NAME, ".tmp");
            Files.writeString(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the file if it is still this one (another local API may have replaced it since). */
    public void deleteFrom(Path file) {
        try {
            if (Files.isRegularFile(file) && this.equals(read(file))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // Shutting down: a file left behind is detected as stale by the editor.
        }
    }

    /** @throws IOException when absent or unreadable */
    public static LocalApiFile read(Path file) throws IOException {
        JsonNode json = Json.MAPPER.readTree(file.toFile());
        return Json.MAPPER.treeToValue(json, LocalApiFile.class);
    }
}
