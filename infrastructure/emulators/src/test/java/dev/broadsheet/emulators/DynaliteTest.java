package dev.broadsheet.emulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynaliteTest {

    @Test
    void withoutNodeModulesTheErrorSaysHowToInstallDynalite(@TempDir Path emptyRepository) {
        String root = System.getProperty("broadsheet.root");
        System.setProperty("broadsheet.root", emptyRepository.toString());
        try {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> Dynalite.start(null));
            assertTrue(error.getMessage().contains("mvn -pl infrastructure/emulators generate-resources"), error.getMessage());
        } finally {
            if (root == null) {
                System.clearProperty("broadsheet.root");
            } else {
                System.setProperty("broadsheet.root", root);
            }
        }
    }
}
