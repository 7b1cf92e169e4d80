package dev.broadsheet.emulators;

import dev.broadsheet.template.SamTemplate;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Starts the selected {@link Backend} and creates the tables and buckets of {@code template.yaml}
 * on it: the one entry point of the local API and the integration tests.
 */
public final class Emulators {

    private Emulators() {
    }

    /**
     * Where the emulators keep data.
     *
     * @param dataDir null for memory only; else DynamoDB persists under {@code dataDir/dynamodb}
     *                and S3 under {@code dataDir/s3} (local backend only)
     */
    public record Options(Path dataDir, int sesPort) {

        public static Options inMemory() {
            return new Options(null, 0);
        }

        public static Options persistentIn(Path dataDir) {
            return new Options(dataDir, 0);
        }

        /** The local SES on this port (0: any free one). */
        public Options withSesPort(int port) {
            return new Options(dataDir, port);
        }
    }

    /** Starts the backend chosen by {@link Backend#selected()}. */
    public static LocalAws start(Options options) {
        return start(Backend.selected(), options);
    }

    public static LocalAws start(Backend backend, Options options) {
        SamTemplate template = SamTemplate.ofProject();
        return switch (backend) {
            case LOCAL -> startLocal(template, options);
            case LOCALSTACK -> startLocalStack(template, options);
        };
    }

    /** LocalStack runs through Testcontainers, which the test suite carries and the local API's jar does not. */
    private static LocalAws startLocalStack(SamTemplate template, Options options) {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Emulators.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The LocalStack backend needs Testcontainers, which only the test suite "
                    + "carries: use -Dbroadsheet.emulators=localstack with mvn verify, or the local backend here");
        }
        return LocalStackEmulator.start(template, options);
    }

    private static LocalAws startLocal(SamTemplate template, Options options) {
        Path dataDir = options.dataDir();
        long started = System.nanoTime();
        Dynalite dynalite = Dynalite.start(dataDir == null ? null : dataDir.resolve("dynamodb"));
        long dynaliteMs = millisSince(started);
        started = System.nanoTime();
        LocalS3 s3;
        try {
            s3 = LocalS3.start(dataDir == null ? null : dataDir.resolve("s3"), LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY);
        } catch (RuntimeException e) {
            dynalite.close();
            throw e;
        }
        long s3Ms = millisSince(started);
        String description = "dynalite " + dynalite.version() + " on " + dynalite.endpoint() + " (started in " + dynaliteMs
                + " ms) and S3Proxy " + LocalS3.version() + " on " + s3.endpoint() + " (started in " + s3Ms + " ms)"
                + (dataDir == null ? ", in memory" : ", data in " + dataDir.toAbsolutePath());
        AutoCloseable both = () -> {
            try {
                s3.close();
            } finally {
                dynalite.close();
            }
        };
        // dynalite has no UpdateTimeToLive; S3Proxy's store says whether it keeps versions.
        TemplateResources resources = new TemplateResources(template, new TemplateResources.Support(false, s3.supportsVersioning()));
        // If creating the resources fails, LocalAws stops the emulators before rethrowing.
        return new LocalAws(dynalite.endpoint(), s3.endpoint(), description, resources, both, options.sesPort());
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
