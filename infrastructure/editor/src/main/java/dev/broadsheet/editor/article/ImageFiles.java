package dev.broadsheet.editor.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an article's image files come from, by the name the article JSON gives them: a folder
 * (the JSON file's, for {@code broadsheet publish}) or memory (the local API's generated sample
 * image). Both go through the same validation and upload.
 */
public interface ImageFiles {

    /** @throws NoSuchFileException when there is no such file */
    long size(String name) throws IOException;

    /** @throws NoSuchFileException when there is no such file */
    byte[] read(String name) throws IOException;

    /** Where the file is, for messages. */
    String location(String name);

    /** Files relative to a folder (absolute names are taken as they are). */
    static ImageFiles in(Path folder) {
        return new ImageFiles() {
            @Override
            public long size(String name) throws IOException {
                Path file = resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(file.toString());
                }
                return Files.size(file);
            }

            @Override
            public byte[] read(String name) throws IOException {
                return Files.readAllBytes(resolve(name));
            }

            @Override
            public String location(String name) {
                return resolve(name).toString();
            }

            private Path resolve(String name) {
                return folder.resolve(name).toAbsolutePath().normalize();
            }
        };
    }

    static ImageFiles inMemory(Map<String, byte[]> files) {
        Map<String, byte[]> copy = Map.copyOf(files);
        return new ImageFiles() {
            @Override
            public long size(String name) throws IOException {
                return read(name).length;
            }

            @Override
            public byte[] read(String name) throws IOException {
                byte[] bytes = copy.get(name);
                if (bytes == null) {
                    throw new NoSuchFileException(name);
                }
                return bytes.clone();
            }

            @Override
            public String location(String name) {
                return "(in memory) " + name;
            }
        };
    }
}
