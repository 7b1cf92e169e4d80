package dev.broadsheet.consistency;

import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** After the build's package phase: every CodeUri of the template is a deployment jar fit for Lambda. */
class DeploymentJarsIT {

    private final SamTemplate template = SamTemplate.ofProject();

    @Test
    void everyCodeUriIsABuiltDeploymentJarHoldingItsHandler() throws Exception {
        for (FunctionDefinition function : template.functions()) {
            Path jar = ProjectFiles.root().resolve(function.codeUri());
            assertTrue(function.codeUri().matches("functions/[a-z-]+/target/[a-z-]+-lambda\\.jar"), function.codeUri());
            assertTrue(Files.isRegularFile(jar), jar + " is missing: run the build (mvn package) first");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                String entry = function.handlerClass().replace('.', '/') + ".class";
                assertTrue(zip.getEntry(entry) != null, jar + " does not hold " + entry);
                assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("software/amazon/awssdk/http/apache")
                        || e.getName().startsWith("software/amazon/awssdk/http/nio/netty")
                        || e.getName().startsWith("org/apache/http") || e.getName().startsWith("io/netty")),
                        jar + " holds an HTTP client other than URL-connection");
            }
        }
    }
}
