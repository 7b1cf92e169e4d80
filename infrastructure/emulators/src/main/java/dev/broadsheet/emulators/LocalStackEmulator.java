package dev.broadsheet.emulators;

import dev.broadsheet.template.SamTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;

/** DynamoDB and S3 from one LocalStack container (Testcontainers), where a Docker engine runs. */
final class LocalStackEmulator {

    /** Overrides the image, e.g. for a newer LocalStack or a registry mirror. */
    static final String IMAGE_PROPERTY = "broadsheet.localstack.image";
    // A pinned release: LocalStack's `latest` images changed their licensing terms over time.
    private static final String DEFAULT_IMAGE = "localstack/localstack:4.4";

    private LocalStackEmulator() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static LocalAws start(SamTemplate template, Emulators.Options options) {
        if (options.dataDir() != null) {
            // Community LocalStack keeps nothing across container restarts; say so rather than lose data silently.
            throw new IllegalArgumentException("LocalStack does not persist data here: start it without a data directory"
                    + " (or use " + Backend.PROPERTY + "=" + Backend.LOCAL.flag() + " to persist to " + options.dataDir() + ")");
        }
        if (!dockerAvailable()) {
            throw new DockerUnavailableException();
        }
        DockerImageName image = DockerImageName.parse(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE))
                .asCompatibleSubstituteFor("localstack/localstack");
        LocalStackContainer container = new LocalStackContainer(image).withServices(Service.DYNAMODB, Service.S3);
        container.start();
        try {
            URI endpoint = container.getEndpoint();
            // LocalStack implements TTL and versioning, so the template's settings apply in full.
            return new LocalAws(endpoint, endpoint, "LocalStack (" + image.asCanonicalNameString() + ") on " + endpoint,
                    new TemplateResources(template, new TemplateResources.Support(true, true)), container::stop,
                    options.sesPort());
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }
}
