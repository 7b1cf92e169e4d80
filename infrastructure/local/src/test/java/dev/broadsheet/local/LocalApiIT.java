package dev.broadsheet.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.local.seed.SampleArticle;
import dev.broadsheet.template.ProjectFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole local API on a free port, against in-memory emulators, every route through the local
 * Lambda runtime (each function's deployment jar in JVMs of its own).
 */
class LocalApiIT {

    private static final String ALLOWED_ORIGIN = "http://localhost:8080";
    private static final String OTHER_ORIGIN = "https://evil.example";

    private static LocalApi api;
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        api = LocalApi.start(Settings.inMemory());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void servesTheSampleArticleThroughItsTemplateRoute() throws Exception {
        HttpResponse<String> response = send(get("/articles/" + SampleArticle.SLUG));

        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        JsonNode article = Json.MAPPER.readTree(response.body());
        assertEquals("United States and Russia enter military partnership over Syria", article.path("headline").asText());
    }

    @Test
    void aCommentWithTheCopiedPasswordIsAcceptedOnceAndComesBackSanitized() throws Exception {
        String comments = "/articles/" + SampleArticle.SLUG + "/comments";
        HttpResponse<String> challenge = send(request("/articles/" + SampleArticle.SLUG + "/challenges")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(201, challenge.statusCode(), challenge.body());
        JsonNode issued = Json.MAPPER.readTree(challenge.body());
        String body = Json.write(java.util.Map.of("author", "Local Reader", "email", "local.reader@example.com",
                "content", "Nice <script>alert(1)</script><img src=x onerror=alert(2)><b>piece</b>",
                "challengeToken", issued.path("token").asText(), "challengePassword", issued.path("password").asText()));
        HttpRequest post = request(comments).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> created = send(post);
        assertEquals(201, created.statusCode(), created.body());
        String html = Json.MAPPER.readTree(created.body()).path("contentHtml").asText();
        assertEquals("Nice <b>piece</b>", html);
        assertFalse(created.body().contains("local.reader"), created.body());
        assertEquals(403, send(post).statusCode(), "the same token again");
    }

    @Test
    void servesItsOpenApiContractAndChecksEveryResponseAgainstIt() throws Exception {
        HttpResponse<String> response = send(get("/openapi.yaml"));

        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("application/yaml"), contentType(response));
        assertTrue(response.body().startsWith("openapi: 3.1"), response.body().substring(0, 40));
        assertTrue(Boolean.getBoolean(ContractCheck.PROPERTY),
                "Failsafe runs the integration tests with every local API response checked against openapi.yaml");
    }

    @Test
    void anUnknownArticleIsAProblem() throws Exception {
        HttpResponse<String> response = send(get("/articles/no-such-slug"));

        assertEquals(404, response.statusCode());
        assertTrue(contentType(response).startsWith("application/problem+json"), contentType(response));
        assertEquals(404, Json.MAPPER.readTree(response.body()).path("status").asInt());
    }

    @Test
    void aRouteNotInTheTemplateIsANotFoundProblem() throws Exception {
        for (HttpRequest request : new HttpRequest[] {get("/nope"),
                request("/articles/" + SampleArticle.SLUG).POST(HttpRequest.BodyPublishers.ofString("{}")).build()}) {
            HttpResponse<String> response = send(request);

            assertEquals(404, response.statusCode(), request.toString());
            assertTrue(contentType(response).startsWith("application/problem+json"), contentType(response));
            assertEquals("https://broadsheet.dev/problems/not-found", Json.MAPPER.readTree(response.body()).path("type").asText());
        }
    }

    @Test
    void answersAPreflightFromAnAllowedOrigin() throws Exception {
        HttpResponse<String> response = send(preflight(ALLOWED_ORIGIN));

        assertEquals(204, response.statusCode());
        assertEquals(ALLOWED_ORIGIN, header(response, "access-control-allow-origin"));
        assertTrue(header(response, "access-control-allow-methods").contains("POST"));
        assertTrue(header(response, "access-control-allow-headers").contains("content-type"));
        assertEquals("600", header(response, "access-control-max-age"));
    }

    @Test
    void givesAPreflightFromAnotherOriginNoCorsHeaders() throws Exception {
        HttpResponse<String> response = send(preflight(OTHER_ORIGIN));

        assertEquals(204, response.statusCode());
        assertTrue(response.headers().map().keySet().stream().noneMatch(name -> name.toLowerCase().startsWith("access-control-")),
                response.headers().toString());
    }

    @Test
    void allowsAnActualRequestFromAnAllowedOriginOnly() throws Exception {
        HttpResponse<String> allowed = send(request("/articles/" + SampleArticle.SLUG).header("Origin", ALLOWED_ORIGIN).build());
        assertEquals(200, allowed.statusCode());
        assertEquals(ALLOWED_ORIGIN, header(allowed, "access-control-allow-origin"));
        assertTrue(header(allowed, "access-control-expose-headers").contains("etag"));
        assertTrue(header(allowed, "vary").toLowerCase().contains("origin"));

        HttpResponse<String> other = send(request("/articles/" + SampleArticle.SLUG).header("Origin", OTHER_ORIGIN).build());
        assertEquals(200, other.statusCode());
        assertFalse(other.headers().firstValue("access-control-allow-origin").isPresent());
    }

    @Test
    void parallelRequestsToOneRouteAllSucceedInMoreThanOneExecutionEnvironment() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                responses.add(clients.submit(() -> send(get("/articles/" + SampleArticle.SLUG))));
            }
            for (Future<HttpResponse<String>> response : responses) {
                assertEquals(200, response.get().statusCode(), response.get().body());
            }
        } finally {
            clients.shutdownNow();
        }
        int started = api.lambda().environmentsStarted("GetArticleFunction");
        assertTrue(started > 1 && started <= Settings.DEFAULT_MAX_ENVIRONMENTS, "environments started: " + started);
    }

    @Test
    void eachFunctionRunsFromItsDeploymentJarUnderTheRuntimeClientAndNothingElseOfTheProject() throws Exception {
        assertEquals(200, send(get("/articles/" + SampleArticle.SLUG)).statusCode());

        List<String> commandLines = ProcessHandle.current().descendants()
                .map(process -> process.info().arguments().map(List::of).orElse(List.of()))
                .filter(arguments -> arguments.contains("com.amazonaws.services.lambda.runtime.api.client.AWSLambda"))
                .map(arguments -> String.join(" ", arguments))
                .toList();
        String getArticle = commandLines.stream()
                .filter(line -> line.endsWith("dev.broadsheet.articles.handler.GetArticleHandler::handleRequest"))
                .findFirst().orElseThrow(() -> new AssertionError("no GetArticle JVM among " + commandLines));
        String classPath = getArticle.split(" -classpath ")[1].split(" ")[0];
        List<String> projectEntries = List.of(classPath.split(java.io.File.pathSeparator)).stream()
                .filter(entry -> !entry.contains("infrastructure/runtime/target/runtime-client/"))
                .toList();
        assertEquals(List.of(ProjectFiles.root().resolve("functions/articles/target/articles-lambda.jar").toString()),
                projectEntries, getArticle);
        assertTrue(getArticle.contains("-XX:MaxHeapSize=445644k"), getArticle);
    }

    @Test
    void requestsTheServerCannotParseGetAShortProblemNamingNoJavaClass() throws Exception {
        for (String request : List.of(
                "GET /articles/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /articles?limit=%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n",
                "GARBAGE\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(11_000) + "\r\n\r\n",
                "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n")) {
            String answer = raw(request);

            assertTrue(answer.startsWith("HTTP/1.1 4"), request + " -> " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertFalse(answer.matches("(?s).*(Exception|java\\.|jetty|org\\.eclipse).*"), answer);
        }
    }

    @Test
    void manyHeadersWithinApiGatewaysSizeLimitAreAnswered() throws Exception {
        StringBuilder request = new StringBuilder("GET /articles/" + SampleArticle.SLUG + " HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 250; i++) {
            request.append("X-").append(i).append(": 1\r\n");
        }
        String answer = raw(request.append("Connection: close\r\n\r\n").toString());

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }

    /** Sends bytes as they are (no client library repairs them) and reads the whole answer. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpRequest preflight(String origin) {
        return request("/articles/" + SampleArticle.SLUG + "/comments")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build();
    }

    private static HttpRequest get(String path) {
        return request(path).build();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api.url() + path));
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<?> response) {
        return header(response, "content-type");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
