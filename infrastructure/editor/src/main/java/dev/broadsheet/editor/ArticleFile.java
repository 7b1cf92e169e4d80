package dev.broadsheet.editor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An article JSON file: read as an editor saved it (a UTF-8 byte-order mark is fine, a duplicated
 * field is an error), and the version a publish made remembered in it.
 *
 * <p>How the version is remembered: after a successful publish the file's {@code versions} field
 * gets the article's version on that target ({@code "versions": {"local": 3}}), edited in place —
 * only that field's text changes, the rest of the file keeps its layout. The next publish of the
 * file to that target is based on that version; a file pulled with {@code broadsheet pull} starts
 * with the version it was pulled at. Targets are kept apart because an article checked on the local
 * API and then published on AWS has a version on each.
 */
final class ArticleFile {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path path;
    /** The text as read, without its byte-order mark. */
    private final String text;
    private final boolean byteOrderMark;
    private final JsonNode json;

    private ArticleFile(Path path, String text, boolean byteOrderMark, JsonNode json) {
        this.path = path;
        this.text = text;
        this.byteOrderMark = byteOrderMark;
        this.json = json;
    }

    static ArticleFile read(Path path) {
        if (Files.isDirectory(path)) {
            throw new EditorException(path + " is a folder: name the article's JSON file (e.g. " + path.resolve("article.json") + ")");
        }
        if (!Files.isRegularFile(path)) {
            throw new EditorException(path + " does not exist");
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new EditorException(path + " is not UTF-8 text: save it as UTF-8");
        } catch (IOException e) {
            throw new EditorException(path + " cannot be read: " + e.getMessage(), e);
        }
        boolean bom = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK;
        String json = bom ? text.substring(1) : text;
        try {
            return new ArticleFile(path, json, bom, Json.MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(json));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new EditorException(path + " is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    JsonNode json() {
        return json;
    }

    /** The folder image paths are relative to. */
    Path folder() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /**
     * Remembers {@code version} for {@code target} in the file's {@code versions} field, unless the
     * file changed since it was read (then the editor's newer text wins and the caller says so).
     *
     * @return false when the file could not be updated
     */
    boolean recordVersion(String target, long version) {
        try {
            String current = Files.readString(path, StandardCharsets.UTF_8);
            if (!current.equals(byteOrderMark ? BYTE_ORDER_MARK + text : text)) {
                return false;
            }
            String updated = withVersion(text, target, version);
            Path temporary = Files.createTempFile(folder(), path.getFileName().toString(), ".tmp");
            Files.writeString(temporary, byteOrderMark ? BYTE_ORDER_MARK + updated : updated, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The JSON text with {@code versions[target] = version}: only the {@code versions} value is rewritten, or inserted first. */
    static String withVersion(String text, String target, long version) throws IOException {
        Map<String, Long> versions = new TreeMap<>();
        int valueStart = -1;
        int valueEnd = -1;
        int objectStart = -1;
        int firstField = -1;
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            objectStart = (int) parser.currentTokenLocation().getCharOffset();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (firstField < 0) {
                    firstField = (int) parser.currentTokenLocation().getCharOffset();
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("versions") && value == JsonToken.START_OBJECT) {
                    valueStart = (int) parser.currentTokenLocation().getCharOffset();
                    JsonNode existing = Json.MAPPER.readTree(parser);
                    existing.fields().forEachRemaining(entry -> versions.put(entry.getKey(), entry.getValue().asLong()));
                    valueEnd = (int) parser.currentLocation().getCharOffset();
                } else {
                    parser.skipChildren();
                }
            }
        }
        versions.put(target, version);
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, Long> entry : versions.entrySet()) {
            entries.add(Json.MAPPER.writeValueAsString(entry.getKey()) + ": " + entry.getValue());
        }
        String value = "{" + String.join(", ", entries) + "}";
        if (valueStart >= 0) {
            return text.substring(0, valueStart) + value + text.substring(valueEnd);
        }
        if (firstField < 0) {
            return text.substring(0, objectStart + 1) + "\"versions\": " + value + text.substring(objectStart + 1);
        }
        // Before the first field, indented as it is.
        String indent = text.substring(objectStart + 1, firstField);
        return text.substring(0, firstField) + "\"versions\": " + value + "," + indent + text.substring(firstField);
    }
}
