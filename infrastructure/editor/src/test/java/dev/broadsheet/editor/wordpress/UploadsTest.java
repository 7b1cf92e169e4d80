package dev.broadsheet.editor.wordpress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UploadsTest {

    @TempDir
    Path folder;

    @Test
    void theImagesPathUnderUploads() {
        assertEquals(Optional.of("2016/09/boats.jpg"), Uploads.relativePath("https://news.example.org/wp-content/uploads/2016/09/boats.jpg"));
        assertEquals(Optional.of("2016/09/café crème.jpg"),
                Uploads.relativePath("https://news.example.org/wp-content/uploads/2016/09/caf%C3%A9%20cr%C3%A8me.jpg?ver=2"));
        assertEquals(Optional.of("2016/09/a.jpg"), Uploads.relativePath("/wp-content/uploads/2016/09/a.jpg"));
        assertEquals(Optional.of("sites/3/2016/09/a.jpg"), Uploads.relativePath("https://example.org/wp-content/uploads/sites/3/2016/09/a.jpg"));
        assertEquals(Optional.of("2008/06/100_5540.jpg"), Uploads.relativePath("https://site.files.wordpress.com/2008/06/100_5540.jpg?w=604"),
                "WordPress.com serves uploads without /uploads/");
        assertEquals(Optional.empty(), Uploads.relativePath("https://cdn.example.com/images/a.jpg"));
        assertEquals(Optional.empty(), Uploads.relativePath(null));
    }

    @Test
    void aResizedCopyIsTakenAsItsOriginalWhenThatIsThere() throws IOException {
        Files.createDirectories(folder.resolve("2016/09"));
        Files.write(folder.resolve("2016/09/boats.jpg"), new byte[] {1});
        Files.write(folder.resolve("2016/09/only-300x200.jpg"), new byte[] {1});
        Uploads uploads = new Uploads(folder);
        assertEquals(Optional.of("2016/09/boats.jpg"), uploads.find("2016/09/boats-1024x683.jpg"));
        assertEquals(Optional.of("2016/09/boats.jpg"), uploads.find("2016/09/boats.jpg"));
        assertEquals(Optional.of("2016/09/only-300x200.jpg"), uploads.find("2016/09/only-300x200.jpg"), "no original: the copy");
        assertEquals(Optional.empty(), uploads.find("2016/09/gone.jpg"));
    }

    @Test
    void nothingOutsideTheFolderIsRead() throws IOException {
        Path inside = Files.createDirectories(folder.resolve("uploads"));
        Files.writeString(folder.resolve("secret.jpg"), "x");
        Uploads uploads = new Uploads(inside);
        assertEquals(Optional.empty(), uploads.find("../secret.jpg"));
        assertEquals(Optional.empty(), new Uploads(null).find("2016/09/boats.jpg"), "no --uploads: nothing is found");
    }
}
