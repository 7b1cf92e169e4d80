package dev.broadsheet.emulators;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Set;

/**
 * {@code @ExtendWith(EmulatorsExtension.class)}: one set of in-memory emulators per test JVM,
 * with the template's tables and buckets, injected as {@link LocalAws}, {@link DynamoDbClient} or
 * {@link S3Client} parameters of test constructors and methods. They stop when the test run ends.
 *
 * <p>With LocalStack selected on a machine without Docker, the tests are skipped, with the reason,
 * rather than failed (nothing is wrong with the code) or passed (nothing was tested).
 * Tests share the emulators: use distinct keys, or {@link LocalAws#reset()} for an empty start.
 */
public final class EmulatorsExtension implements ExecutionCondition, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorsExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorsExtension.class);
    private static final Set<Class<?>> RESOLVED = Set.of(LocalAws.class, DynamoDbClient.class, S3Client.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Backend backend = Backend.selected();
        if (backend == Backend.LOCALSTACK && !dockerAvailable(context)) {
            return ConditionEvaluationResult.disabled(DockerUnavailableException.MESSAGE);
        }
        return ConditionEvaluationResult.enabled("emulators: " + backend.flag());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalAws aws = emulators(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == DynamoDbClient.class) {
            return aws.dynamoDb();
        }
        if (type == S3Client.class) {
            return aws.s3();
        }
        return aws;
    }

    /** Started on first use; the root store closes it (an AutoCloseable) when the test run ends. */
    private static LocalAws emulators(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalAws.class, key -> Emulators.start(Emulators.Options.inMemory()), LocalAws.class);
    }

    /**
     * Asked once per run (Testcontainers probes several Docker locations, which takes a while), and
     * said once in the build output: test reports count skipped tests but do not print why.
     */
    private static boolean dockerAvailable(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("docker-available", key -> {
            boolean available = LocalStackEmulator.dockerAvailable();
            if (!available) {
                LOG.warn("Skipping the emulator tests: {}", DockerUnavailableException.MESSAGE);
            }
            return available;
        }, Boolean.class);
    }
}
