package dev.broadsheet.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentTest {

    private final Environment env = new Environment(Map.of("TABLE", " articles ", "BLANK", " ", "TTL", "90"));

    @Test
    void aMissingRequiredVariableFailsNamingIt() {
        var missing = assertThrows(Environment.MissingConfigurationException.class, () -> env.require("COMMENTS_TABLE"));

        assertTrue(missing.getMessage().contains("COMMENTS_TABLE"), missing.getMessage());
        assertThrows(Environment.MissingConfigurationException.class, () -> env.require("BLANK"));
        assertEquals("articles", env.require("TABLE"));
    }

    @Test
    void optionalValuesFallBackAndNumbersAreChecked() {
        assertNull(env.optional("NOPE"));
        assertEquals("x", env.optional("BLANK", "x"));
        assertEquals(Duration.ofSeconds(90), env.seconds("TTL", Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofHours(1)));
        var outOfRange = assertThrows(Environment.MissingConfigurationException.class, () -> env.integer("TTL", 1, 1, 60));
        assertTrue(outOfRange.getMessage().contains("TTL"));
        assertThrows(Environment.MissingConfigurationException.class, () -> env.integer("TABLE", 1, 1, 60));
    }

    @Test
    void remembersEveryNameItWasAskedFor() {
        env.optional("A");
        env.optional("B", "b");

        assertEquals(Set.of("A", "B"), env.namesRead());
    }
}
