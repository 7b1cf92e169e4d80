package dev.broadsheet.emulators;

import java.util.Arrays;
import java.util.Locale;

/** Which emulators to run, chosen by {@code -Dbroadsheet.emulators=...} or {@code BROADSHEET_EMULATORS}. */
public enum Backend {
    /** dynalite (child process) and S3Proxy (in this JVM): needs only Node.js. The default. */
    LOCAL("local"),
    /** One LocalStack container serving DynamoDB and S3: needs a Docker engine. */
    LOCALSTACK("localstack");

    public static final String PROPERTY = "broadsheet.emulators";
    public static final String VARIABLE = "BROADSHEET_EMULATORS";

    private final String flag;

    Backend(String flag) {
        this.flag = flag;
    }

    /** The value that selects this backend. */
    public String flag() {
        return flag;
    }

    /** The system property if set, else the environment variable, else {@link #LOCAL}. */
    public static Backend selected() {
        String property = System.getProperty(PROPERTY);
        String value = property == null || property.isBlank() ? System.getenv(VARIABLE) : property;
        if (value == null || value.isBlank()) {
            return LOCAL;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(backend -> backend.flag.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown emulators \"" + value + "\" in " + PROPERTY + " / "
                        + VARIABLE + ": use " + Arrays.stream(values()).map(Backend::flag).toList()));
    }
}
