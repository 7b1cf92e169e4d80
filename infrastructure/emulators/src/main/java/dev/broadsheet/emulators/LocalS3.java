package dev.broadsheet.emulators;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Local S3: <a href="https://github.com/gaul/s3proxy">S3Proxy</a> in this JVM on a free loopback
 * port, checking SigV4 signatures (headers and presigned URLs) against one access key. Objects live
 * in memory ("transient" store) or under a directory ("filesystem" store).
 */
public final class LocalS3 implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final BlobStore store;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy, BlobStore store) {
        this.proxy = proxy;
        this.store = store;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /**
     * Starts S3Proxy and waits until it serves requests.
     *
     * @param dataDirOrNull the directory to keep buckets in, or null to keep them in memory
     */
    public static LocalS3 start(Path dataDirOrNull, String accessKey, String secretKey) {
        Properties properties = new Properties();
        String provider = "transient";
        if (dataDirOrNull != null) {
            provider = "filesystem";
            properties.setProperty("jclouds.filesystem.basedir", createDirectories(dataDirOrNull).toString());
        }
        BlobStore store = BlobStores.create(provider, properties);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                // V2 or V4, as AWS itself accepts; the SDK and its presigner sign with V4.
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                // Stop at once: a graceful stop waits ~2 s for the SDK clients' idle keep-alive connections.
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
        }
        return new LocalS3(proxy, store);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The S3Proxy release on the classpath, from its jar manifest. */
    public static String version() {
        String version = S3Proxy.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        // In a fat jar the manifest is the application's; Maven's pom.properties survives shading.
        try (var in = S3Proxy.class.getResourceAsStream("/META-INF/maven/org.gaul/s3proxy/pom.properties")) {
            if (in != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (java.io.IOException e) {
            // fall through: the version is only shown in a banner
        }
        return "unknown";
    }

    /** Whether the store keeps object versions, so a bucket's {@code VersioningConfiguration} can apply. */
    public boolean supportsVersioning() {
        return store.supportsVersioning();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop: " + e.getMessage(), e);
        }
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        // start() returns while Jetty may still be starting; the port is known once it is STARTED.
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still " + proxy.getState() + " after " + STARTUP_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // Already failing to start: the start failure is the one worth reporting.
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the S3 data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
