package dev.broadsheet.editor.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The WXR fixtures of src/test/resources/wordpress, copied to files (the reader streams a file). */
final class WxrFixtures {

    private WxrFixtures() {
    }

    static String text(String name) {
        try (InputStream in = WxrFixtures.class.getResourceAsStream("/wordpress/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture written to {@code folder}, its {@code wp:} and {@code excerpt:} namespaces replaced by {@code namespace} when given. */
    static Path file(Path folder, String name, String namespace) {
        String text = text(name);
        if (namespace != null) {
            text = text.replaceAll("https?://wordpress\\.org/export/1\\.\\d/", namespace);
        }
        try {
            return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Wxr.Item> items(Path file) {
        List<Wxr.Item> items = new ArrayList<>();
        new WxrReader(file).read(channel -> { }, items::add);
        return items;
    }

    static Wxr.Item post(List<Wxr.Item> items, long id) {
        return items.stream().filter(item -> item.postId() == id).findFirst().orElseThrow();
    }
}
