package dev.broadsheet.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (version 2018-06-01) of one execution environment, on a loopback port of
 * its own, so that an environment only ever sees its own function's events:
 * {@code GET /runtime/invocation/next}, {@code POST /runtime/invocation/{id}/response},
 * {@code …/{id}/error} and {@code POST /runtime/init/error}, with the headers and status codes the
 * "Using the Lambda runtime API for custom runtimes" page of the Lambda Developer Guide documents.
 */
final class RuntimeApiEndpoint implements AutoCloseable {

    /** Lambda's limit for a synchronous invocation's response (6 MB). */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    /** Hands one invocation at a time from {@link #offer} to the runtime client's pending {@code next}. */
    private final BlockingQueue<PendingInvocation> handoff = new SynchronousQueue<>();
    private final CompletableFuture<Void> firstNext = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private volatile PendingInvocation current;

    private RuntimeApiEndpoint(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static RuntimeApiEndpoint start(String threadName) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a Runtime API port: " + e.getMessage(), e);
        }
        // A thread per request: GET next waits for an event as long as the environment is idle.
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        RuntimeApiEndpoint endpoint = new RuntimeApiEndpoint(server, threads);
        server.createContext("/", endpoint::handle);
        server.setExecutor(threads);
        server.start();
        return endpoint;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes when the runtime client first asks for an event: the end of its init phase. */
    CompletableFuture<Void> firstNext() {
        return firstNext;
    }

    /** Completes with the error document's message when the runtime client reports an init error. */
    CompletableFuture<String> initError() {
        return initError;
    }

    /** Hands the invocation to the runtime client's waiting {@code next}; false when none took it in time. */
    boolean offer(PendingInvocation invocation, long timeoutMs) throws InterruptedException {
        return handoff.offer(invocation, timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The invocation the runtime client is working on, if any. */
    PendingInvocation current() {
        return current;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (!path.startsWith(PREFIX)) {
                reply(exchange, 404, "{\"errorMessage\":\"Unknown path\",\"errorType\":\"InvalidRequest\"}");
                return;
            }
            String operation = path.substring(PREFIX.length());
            if (method.equals("GET") && operation.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && operation.equals("init/error")) {
                initError.complete(errorMessage(readBody(exchange)));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && operation.startsWith("invocation/")) {
                String[] parts = operation.split("/");
                if (parts.length == 3 && (parts[2].equals("response") || parts[2].equals("error"))) {
                    complete(exchange, parts[1], parts[2].equals("error"));
                } else {
                    reply(exchange, 404, "{\"errorMessage\":\"Unknown path\",\"errorType\":\"InvalidRequest\"}");
                }
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"Unknown path\",\"errorType\":\"InvalidRequest\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstNext.complete(null);
        PendingInvocation invocation;
        try {
            invocation = handoff.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        current = invocation;
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(invocation.deadlineEpochMs()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        invocation.markStarted();
        exchange.sendResponseHeaders(200, invocation.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.event());
        }
    }

    private void complete(HttpExchange exchange, String requestId, boolean error) throws IOException {
        PendingInvocation invocation = current;
        if (invocation == null || !invocation.requestId().equals(requestId) || invocation.result().isDone()) {
            reply(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        byte[] body = readBody(exchange);
        if (error) {
            String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            JsonNode document = parse(body);
            String errorType = document.path("errorType").asText(type == null ? "Unhandled" : type);
            invocation.complete(new InvocationResult.Failure(InvocationResult.Kind.HANDLER_ERROR, errorType,
                    document.path("errorMessage").asText("")));
            reply(exchange, 202, "{\"status\":\"OK\"}");
        } else if (body.length > MAX_RESPONSE_BYTES) {
            invocation.complete(new InvocationResult.Failure(InvocationResult.Kind.RESPONSE_TOO_LARGE,
                    "Function.ResponseSizeTooLarge", "Response payload size exceeded maximum allowed payload size ("
                    + MAX_RESPONSE_BYTES + " bytes)."));
            reply(exchange, 413, "{\"errorMessage\":\"Payload too large\",\"errorType\":\"RequestEntityTooLarge\"}");
        } else {
            invocation.complete(new InvocationResult.Response(body));
            reply(exchange, 202, "{\"status\":\"OK\"}");
        }
    }

    private static String errorMessage(byte[] body) {
        JsonNode document = parse(body);
        String type = document.path("errorType").asText("");
        String message = document.path("errorMessage").asText("");
        return type.isEmpty() ? message : type + ": " + message;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("errorMessage", new String(body, StandardCharsets.UTF_8));
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
