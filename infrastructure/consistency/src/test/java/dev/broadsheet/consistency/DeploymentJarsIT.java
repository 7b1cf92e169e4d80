package dev.broadsheet.consistency;

import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** The budget of issue 5 (see README, "Performance and cost"): small jars with only what runs in Lambda. */
    @Test
    void everyDeploymentJarIsAtMost20MbAndHoldsNoTestOrLocalCode() throws Exception {
        for (FunctionDefinition function : template.functions()) {
            Path jar = ProjectFiles.root().resolve(function.codeUri());
            assertTrue(Files.size(jar) <= 20L * 1024 * 1024, jar + " is " + Files.size(jar) / (1024 * 1024) + " MB");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("dev/broadsheet/emulators/")
                                || e.getName().startsWith("dev/broadsheet/local/") || e.getName().startsWith("dev/broadsheet/editor/")
                                || e.getName().startsWith("dev/broadsheet/bench/") || e.getName().startsWith("org/junit/")
                                || e.getName().startsWith("org/gaul/")),
                        jar + " holds test, emulator or local-only code");
                // No branch for local runs: no class of ours reads a variable named for them.
                for (ZipEntry entry : zip.stream().filter(e -> e.getName().startsWith("dev/broadsheet/")
                        && e.getName().endsWith(".class")).toList()) {
                    String constants = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertFalse(constants.contains("BROADSHEET_LOCAL"), jar + "!" + entry.getName() + " names a local-only variable");
                }
            }
        }
    }
}
