package dev.broadsheet.template;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root (the folder holding {@code template.yaml}): the system property
 * {@code broadsheet.root} when set (Maven sets it for tests), otherwise the working directory or
 * the nearest parent of it that holds the template.
 */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("broadsheet.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("template.yaml")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the Broadsheet repository (template.yaml) from " + dir
                + "; run from inside the repository or set -Dbroadsheet.root=/path/to/repo");
    }
}
