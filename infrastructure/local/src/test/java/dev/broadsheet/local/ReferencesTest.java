package dev.broadsheet.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReferencesTest {

    private static final Map<String, String> DEFAULTS = Map.of("AllowedOrigins", "http://localhost:8080", "Pattern", "x");

    @Test
    void resolvesParametersOverridesResourcesAndPseudoParameters() {
        References references = new References(DEFAULTS, Map.of("Pattern", "y"), Map.of("ArticlesTable", "articles-local"),
                "us-east-1");

        assertEquals("http://localhost:8080", references.lookup("AllowedOrigins"));
        assertEquals("y", references.lookup("Pattern"));
        assertEquals("articles-local", references.lookup("ArticlesTable"));
        assertEquals("us-east-1", references.lookup("AWS::Region"));
        assertNull(references.lookup("Unknown"));
    }

    @Test
    void rejectsAnOverrideOfAParameterTheTemplateDoesNotHave() {
        assertThrows(IllegalArgumentException.class,
                () -> new References(DEFAULTS, Map.of("AllowedOrigin", "x"), Map.of(), "us-east-1"));
    }
}
