package dev.broadsheet.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on: CPU model, core count, load. */
final class Machine {

    private Machine() {
    }

    static String description() {
        String model = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + model + ", Java " + System.getProperty("java.version");
    }

    /** The version of the JDK at {@code javaHome}, from its {@code release} file. */
    static String java(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return "Java " + line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
        } catch (Exception e) {
            // no release file
        }
        return "the JDK at " + javaHome;
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
