package dev.broadsheet.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samconfig.toml parses (TOML 1.0, as the SAM CLI reads it), has a development ({@code default})
 * and a {@code production} environment, and overrides only parameters template.yaml declares, with
 * values the template allows.
 */
class SamConfigTest {

    /** {@code Name="value"} pairs of a {@code parameter_overrides} string, as the SAM CLI splits them. */
    private static final Pattern OVERRIDE = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final SamTemplate template = SamTemplate.ofProject();

    private static JsonNode samconfig() throws Exception {
        return new TomlMapper().readTree(ProjectFiles.root().resolve("samconfig.toml").toFile());
    }

    @Test
    void bothEnvironmentsDeployWithTheTemplatesParameters() throws Exception {
        JsonNode config = samconfig();

        assertEquals(0.1, config.path("version").asDouble());
        for (String environment : new String[] {"default", "production"}) {
            JsonNode deploy = config.path(environment).path("deploy").path("parameters");
            assertFalse(config.path(environment).path("global").path("parameters").path("stack_name").asText().isBlank(), environment);
            assertEquals("CAPABILITY_IAM", deploy.path("capabilities").asText(), environment + ": EditorPolicy is an IAM resource");
            assertTrue(deploy.path("resolve_s3").asBoolean(), environment + ": sam deploy uploads the jars to its managed bucket");
            Map<String, String> overrides = overrides(deploy.path("parameter_overrides").asText());
            assertFalse(overrides.isEmpty(), environment);
            Set<String> undeclared = new TreeSet<>(overrides.keySet());
            undeclared.removeAll(parameters().keySet());
            assertEquals(Set.of(), undeclared, environment + " overrides parameters template.yaml does not declare");
            overrides.forEach((name, value) -> {
                Object allowed = SamTemplate.map(parameters().get(name)).get("AllowedValues");
                if (allowed != null) {
                    assertTrue(SamTemplate.list(allowed).stream().map(String::valueOf).toList().contains(value),
                            environment + ": " + name + "=" + value + " is not one of " + allowed);
                }
            });
        }
        assertEquals("true", overrides(config.path("production").path("deploy").path("parameters")
                .path("parameter_overrides").asText()).get("EnableCdn"));
        assertEquals(".broadsheet/env.json", config.path("default").path("local_invoke").path("parameters").path("env_vars").asText());
    }

    @Test
    void aMalformedFileAndAnUnknownParameterAreCaught() {
        assertThrows(Exception.class, () -> new TomlMapper().readTree("[default.deploy.parameters\nstack_name = 1"));
        assertFalse(parameters().containsKey("EnableCDN"), "parameter names are case-sensitive");
        assertEquals(Map.of("A", "1", "B", "x y"), overrides("A=\"1\" B=\"x y\""));
    }

    private Map<String, Object> parameters() {
        return SamTemplate.map(template.document().get("Parameters"));
    }

    private static Map<String, String> overrides(String text) {
        Map<String, String> overrides = new LinkedHashMap<>();
        Matcher matcher = OVERRIDE.matcher(text);
        while (matcher.find()) {
            overrides.put(matcher.group(1), matcher.group(2));
        }
        return overrides;
    }
}
