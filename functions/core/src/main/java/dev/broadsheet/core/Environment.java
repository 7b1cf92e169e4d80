package dev.broadsheet.core;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A function's configuration: its environment variables. In Lambda that is the process
 * environment; the local API and the tests hand in the variables the template declares.
 *
 * <p>Every name read is remembered, so a test can check that the code reads nothing the template
 * does not declare.
 */
public final class Environment {

    private final Map<String, String> variables;
    private final Set<String> namesRead = Collections.synchronizedSet(new TreeSet<>());

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment fromSystem() {
        return new Environment(System.getenv());
    }

    /** The value of a variable the function cannot run without; fails at init, naming it. */
    public String require(String name) {
        String value = optional(name);
        if (value == null) {
            throw new MissingConfigurationException(
                    "Missing required environment variable " + name + " (declare it in template.yaml)");
        }
        return value;
    }

    /** The value, or null when unset or blank. */
    public String optional(String name) {
        namesRead.add(name);
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String optional(String name, String fallback) {
        String value = optional(name);
        return value == null ? fallback : value;
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new MissingConfigurationException(
                        "Environment variable " + name + " must be between " + min + " and " + max + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new MissingConfigurationException("Environment variable " + name + " must be a whole number, got " + value);
        }
    }

    public Duration seconds(String name, Duration fallback, Duration min, Duration max) {
        int seconds = integer(name, (int) fallback.toSeconds(), (int) min.toSeconds(), (int) max.toSeconds());
        return Duration.ofSeconds(seconds);
    }

    /** The names this environment has been asked for, set or not. */
    public Set<String> namesRead() {
        synchronized (namesRead) {
            return Set.copyOf(namesRead);
        }
    }

    /** Thrown at init when configuration is missing or malformed. */
    public static final class MissingConfigurationException extends RuntimeException {
        public MissingConfigurationException(String message) {
            super(message);
        }
    }
}
