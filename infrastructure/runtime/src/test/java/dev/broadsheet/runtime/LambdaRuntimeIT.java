package dev.broadsheet.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runtime against test functions (never the product template): each in its own JVM under
 * the official runtime interface client, from a jar built here of the test functions' classes alone.
 */
class LambdaRuntimeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEHAVIOURS = "dev.broadsheet.runtime.testfunctions.Behaviours::";

    @TempDir
    static Path jarDir;
    static Path functionJar;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private LambdaRuntime runtime;

    @BeforeAll
    static void buildFunctionJar() throws IOException {
        functionJar = jarDir.resolve("test-functions.jar");
        Path classes = Path.of("target/test-classes");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(functionJar));
             Stream<Path> files = Files.walk(classes.resolve("dev/broadsheet/runtime/testfunctions"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private LambdaRuntime start(RuntimeOptions options, FunctionConfig... functions) {
        runtime = LambdaRuntime.start(List.of(functions), options.withLog((function, line) -> log.add(function + " " + line)));
        return runtime;
    }

    private static RuntimeOptions options() {
        return RuntimeOptions.defaults(Path.of(System.getProperty("broadsheet.root")));
    }

    private static FunctionConfig function(String name, String handler, Duration timeout) {
        return new FunctionConfig(name, functionJar, handler, 256, timeout,
                Map.of("AWS_REGION", "eu-west-1", "GREETING", "hello"), "java21");
    }

    private static JsonNode payload(InvocationResult result) throws IOException {
        InvocationResult.Response response = assertInstanceOf(InvocationResult.Response.class, result,
                () -> "expected a response, got " + result);
        return JSON.readTree(response.payload());
    }

    private static byte[] event(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void runsTheJarUnderTheRuntimeClientWithLambdasEnvironmentAndJvmOptions() throws Exception {
        start(options(), function("Echo", BEHAVIOURS + "echo", Duration.ofSeconds(5)));

        JsonNode answer = payload(runtime.invoke("Echo", event("{\"hello\":\"world\"}")));

        assertEquals("world", answer.path("event").path("hello").asText());
        assertEquals("Echo", answer.path("functionName").asText());
        assertEquals(256, answer.path("memoryLimitInMB").asInt());
        assertTrue(answer.path("remainingTimeInMillis").asLong() > 0 && answer.path("remainingTimeInMillis").asLong() <= 5000);
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:Echo", answer.path("invokedFunctionArn").asText());
        JsonNode environment = answer.path("environment");
        assertEquals("hello", environment.path("GREETING").asText());
        assertEquals("Echo", environment.path("AWS_LAMBDA_FUNCTION_NAME").asText());
        assertEquals("256", environment.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
        assertEquals(BEHAVIOURS + "echo", environment.path("_HANDLER").asText());
        assertEquals("AWS_Lambda_java21", environment.path("AWS_EXECUTION_ENV").asText());
        assertTrue(environment.path("AWS_LAMBDA_RUNTIME_API").asText().startsWith("127.0.0.1:"));
        assertFalse(environment.has("MAVEN_OPTS"), "the environment is Lambda's, not this process's");
        String jvmArguments = answer.path("jvmArguments").toString();
        assertTrue(jvmArguments.contains("-XX:MaxHeapSize=222822k"), jvmArguments);
        assertTrue(jvmArguments.contains("-XX:TieredStopAtLevel=1") && jvmArguments.contains("-XX:+UseSerialGC"), jvmArguments);
        String classPath = answer.path("classPath").asText();
        assertTrue(classPath.endsWith(functionJar.toString()), classPath);
        assertTrue(classPath.contains("aws-lambda-java-runtime-interface-client-2.10.1.jar"), classPath);
        assertFalse(classPath.contains("target/classes") || classPath.contains("test-classes"), classPath);

        assertTrue(log.stream().anyMatch(line -> line.startsWith("Echo echo ")), "the function's output is in the log: " + log);
        String report = log.stream().filter(line -> line.startsWith("Echo REPORT RequestId: ")).findFirst().orElseThrow();
        assertTrue(report.matches("Echo REPORT RequestId: [0-9a-f-]{36}\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms"
                + "\tMemory Size: 256 MB\tMax Memory Used: [1-9]\\d* MB\tInit Duration: [0-9.]+ ms"), report);
    }

    @Test
    void reusesAnIdleEnvironmentAndReportsNoInitDurationWhenWarm() throws Exception {
        start(options(), function("Echo", BEHAVIOURS + "echo", Duration.ofSeconds(5)));

        long first = payload(runtime.invoke("Echo", event("{}"))).path("pid").asLong();
        long second = payload(runtime.invoke("Echo", event("{}"))).path("pid").asLong();

        assertEquals(first, second);
        assertEquals(1, runtime.environmentsStarted("Echo"));
        List<String> reports = log.stream().filter(line -> line.contains("REPORT")).toList();
        assertEquals(2, reports.size());
        assertTrue(reports.get(0).contains("Init Duration") && !reports.get(1).contains("Init Duration"), reports.toString());
    }

    @Test
    void parallelRequestsStartMoreThanOneEnvironmentAndAllSucceed() throws Exception {
        start(options().withMaxEnvironments(3), function("Echo", BEHAVIOURS + "echo", Duration.ofSeconds(8)));
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<InvocationResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(clients.submit(() -> runtime.invoke("Echo", event("{\"sleepMs\":400}"))));
            }
            List<Long> pids = new ArrayList<>();
            for (Future<InvocationResult> result : results) {
                pids.add(payload(result.get()).path("pid").asLong());
            }
            int started = runtime.environmentsStarted("Echo");
            assertTrue(started > 1 && started <= 3, "environments started: " + started);
            assertEquals(started, pids.stream().distinct().count());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aFunctionPastItsTimeoutIsEndedAndItsEnvironmentReplaced() throws Exception {
        start(options(), function("Sleepy", BEHAVIOURS + "sleep", Duration.ofSeconds(1)),
                function("Echo", BEHAVIOURS + "echo", Duration.ofSeconds(5)));

        InvocationResult result = runtime.invoke("Sleepy", event("{}"));

        InvocationResult.Failure failure = assertInstanceOf(InvocationResult.Failure.class, result);
        assertEquals(InvocationResult.Kind.TIMEOUT, failure.kind());
        assertEquals("Task timed out after 1.00 seconds", failure.errorMessage());
        assertEquals(0, runtime.idleEnvironments("Sleepy"), "a timed-out environment is never reused");
        assertInstanceOf(InvocationResult.Failure.class, runtime.invoke("Sleepy", event("{}")));
        assertEquals(2, runtime.environmentsStarted("Sleepy"));
    }

    @Test
    void aHandlerErrorIsReportedAndTheEnvironmentLivesOn() throws Exception {
        start(options(), function("Failing", BEHAVIOURS + "fail", Duration.ofSeconds(5)));

        InvocationResult.Failure first = assertInstanceOf(InvocationResult.Failure.class, runtime.invoke("Failing", event("{}")));
        InvocationResult.Failure second = assertInstanceOf(InvocationResult.Failure.class, runtime.invoke("Failing", event("{}")));

        assertEquals(InvocationResult.Kind.HANDLER_ERROR, first.kind());
        assertEquals("java.lang.IllegalStateException", first.errorType());
        assertEquals("boom", first.errorMessage());
        assertEquals(first, second);
        assertEquals(1, runtime.environmentsStarted("Failing"));
    }

    @Test
    void aJvmThatExitsIsReplacedNeverReused() throws Exception {
        start(options(), function("Exiting", BEHAVIOURS + "exit", Duration.ofSeconds(5)));

        InvocationResult.Failure failure = assertInstanceOf(InvocationResult.Failure.class, runtime.invoke("Exiting", event("{}")));
        assertEquals(InvocationResult.Kind.RUNTIME_EXIT, failure.kind());
        assertEquals("Runtime exited with error: exit status 3", failure.errorMessage());

        runtime.invoke("Exiting", event("{}"));
        assertEquals(2, runtime.environmentsStarted("Exiting"));
    }

    @Test
    void anInitFailureIsReportedForTheInvocationThatFoundIt() throws Exception {
        start(options(), function("Broken", "dev.broadsheet.runtime.testfunctions.BrokenInit::handleRequest",
                Duration.ofSeconds(5)));

        InvocationResult.Failure failure = assertInstanceOf(InvocationResult.Failure.class, runtime.invoke("Broken", event("{}")));

        assertEquals(InvocationResult.Kind.INIT_ERROR, failure.kind());
        assertTrue(failure.errorMessage().contains("TABLE_NAME is not set"), failure.errorMessage());
        assertTrue(log.stream().anyMatch(line -> line.startsWith("Broken INIT_REPORT ") && line.contains("Status: error")), log.toString());
    }

    @Test
    void aResponseOverSixMegabytesIsAnError() throws Exception {
        start(options(), function("Huge", BEHAVIOURS + "huge", Duration.ofSeconds(10)));

        InvocationResult.Failure failure = assertInstanceOf(InvocationResult.Failure.class, runtime.invoke("Huge", event("{}")));

        assertEquals(InvocationResult.Kind.RESPONSE_TOO_LARGE, failure.kind());
    }

    @Test
    void idleEnvironmentsAreRetired() throws Exception {
        start(options().withIdleTimeout(Duration.ofMillis(300)), function("Echo", BEHAVIOURS + "echo", Duration.ofSeconds(5)));
        long pid = payload(runtime.invoke("Echo", event("{}"))).path("pid").asLong();
        assertEquals(1, runtime.idleEnvironments("Echo"));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (runtime.idleEnvironments("Echo") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertEquals(0, runtime.idleEnvironments("Echo"));
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "its JVM was ended");
        assertNotEquals(pid, payload(runtime.invoke("Echo", event("{}"))).path("pid").asLong());
    }
}
