package dev.broadsheet.bench;

import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark covers every function of the template, with what the template gives it. */
class BenchFunctionTest {

    @Test
    void everyFunctionOfTheTemplateGetsItsJarEventAndEnvironment() {
        SamTemplate template = SamTemplate.ofProject();
        Path root = ProjectFiles.root();
        Map<String, String> parameters = template.parameterDefaults();

        List<BenchFunction> functions = BenchFunction.all(template, root,
                ref -> parameters.getOrDefault(ref, "local-" + ref), Map.of("AWS_REGION", "us-east-1"));

        assertEquals(template.functions().size(), functions.size());
        for (BenchFunction function : functions) {
            assertTrue(function.jar().toString().endsWith("-lambda.jar"), function.jar().toString());
            assertTrue(function.event().startsWith(root.resolve("events")), function.event().toString());
            assertEquals("us-east-1", function.environment().get("AWS_REGION"));
            assertFalse(function.environment().containsKey(BenchFunction.JAVA_TOOL_OPTIONS),
                    "JAVA_TOOL_OPTIONS goes to the JVM, not into the handler's variables");
            assertNotNull(function.javaToolOptions());
        }
        BenchFunction get = functions.stream().filter(f -> f.logicalId().equals("GetArticleFunction")).findFirst().orElseThrow();
        assertEquals("local-ArticlesTable", get.environment().get("ARTICLES_TABLE"));
        assertEquals("get-article.json", get.event().getFileName().toString());
    }
}
