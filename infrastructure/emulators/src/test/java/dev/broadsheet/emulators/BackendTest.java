package dev.broadsheet.emulators;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackendTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(Backend.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(Backend.PROPERTY);
        } else {
            System.setProperty(Backend.PROPERTY, saved);
        }
    }

    @Test
    void theSystemPropertySelectsTheBackendInAnyCase() {
        System.setProperty(Backend.PROPERTY, " LocalStack ");
        assertEquals(Backend.LOCALSTACK, Backend.selected());
        System.setProperty(Backend.PROPERTY, "local");
        assertEquals(Backend.LOCAL, Backend.selected());
    }

    @Test
    void anUnknownBackendIsAnErrorNamingTheValidOnes() {
        System.setProperty(Backend.PROPERTY, "dynamodb-local");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, Backend::selected);
        assertTrue(error.getMessage().contains("dynamodb-local") && error.getMessage().contains("[local, localstack]"),
                error.getMessage());
    }
}
