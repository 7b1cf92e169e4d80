package dev.broadsheet.consistency;

import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code sam build} succeeds on this template: the SAM CLI's own rule, {@code get_function_build_info}
 * in {@code samcli/lib/providers/provider.py}, decides per function whether it builds it. It skips
 * inline code, a {@code CodeUri} ending in {@code .zip} and a function whose {@code Metadata} has a
 * true {@code SkipBuild}; anything else of package type Zip goes to a language builder, and a
 * {@code .jar} {@code CodeUri} makes the Maven builder fail with "Not a directory"
 * (aws-sam-cli #4575). Every function here must be skipped: the Maven build made its jar.
 */
class SamCliBuildTest {

    /** The SAM CLI's verdict on one function, as {@code FunctionBuildInfo} names it. */
    static String buildInfo(Map<String, Object> resource) {
        Map<String, Object> properties = SamTemplate.map(resource.get("Properties"));
        Object codeUri = properties.get("CodeUri");
        Map<String, Object> metadata = SamTemplate.map(resource.get("Metadata"));
        if (properties.get("InlineCode") != null) {
            return "InlineCode";
        }
        if (codeUri instanceof String uri && uri.endsWith(".zip")) {
            return "PreZipped";
        }
        // Python's truthiness of metadata.get("SkipBuild", False): YAML True is a boolean.
        if (Boolean.TRUE.equals(metadata.get("SkipBuild"))) {
            return "SkipBuild";
        }
        return "Image".equals(properties.get("PackageType")) ? "Image" : "BuildableZip";
    }

    static Map<String, String> buildableFunctions(Map<String, Object> resources) {
        Map<String, String> buildable = new LinkedHashMap<>();
        resources.forEach((id, raw) -> {
            Map<String, Object> resource = SamTemplate.map(raw);
            if ("AWS::Serverless::Function".equals(resource.get("Type")) || "AWS::Lambda::Function".equals(resource.get("Type"))) {
                String info = buildInfo(resource);
                if (!info.equals("SkipBuild") && !info.equals("PreZipped") && !info.equals("InlineCode")) {
                    buildable.put(id, info + " (CodeUri " + SamTemplate.map(resource.get("Properties")).get("CodeUri") + ")");
                }
            }
        });
        return buildable;
    }

    @Test
    void samBuildSkipsEveryFunctionAndCopiesTheJarTheMavenBuildMade() {
        SamTemplate template = SamTemplate.ofProject();
        assertFalse(template.functions().isEmpty());

        assertEquals(Map.of(), buildableFunctions(template.resources()),
                "sam build would send these to a language builder (a .jar CodeUri fails there): add Metadata: SkipBuild: True");
    }

    @Test
    void aFunctionWithoutSkipBuildIsReported() {
        Map<String, Object> jarFunction = Map.of("Type", "AWS::Serverless::Function",
                "Properties", Map.of("CodeUri", "functions/articles/target/articles-lambda.jar"));
        Map<String, Object> quotedTrue = Map.of("Type", "AWS::Serverless::Function",
                "Properties", Map.of("CodeUri", "functions/articles/target/articles-lambda.jar"),
                "Metadata", Map.of("SkipBuild", "false"));
        Map<String, Object> zipped = Map.of("Type", "AWS::Serverless::Function", "Properties", Map.of("CodeUri", "build/f.zip"));

        assertEquals("BuildableZip", buildInfo(jarFunction));
        assertEquals("BuildableZip", buildInfo(quotedTrue), "only a YAML boolean is taken as true here");
        assertEquals("PreZipped", buildInfo(zipped));
        assertEquals(1, buildableFunctions(Map.of("A", jarFunction, "B", zipped)).size());
    }
}
