package dev.broadsheet.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.schema.Cursor;
import dev.broadsheet.local.seed.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded corpus of malformed requests, across every route of the template, sent as raw bytes
 * to the local API (bodies, headers, paths, query strings, cursors, content types, encodings):
 * none may get a 5xx, none may show an exception or class name, and a client's {@code Host}
 * never reaches a body. The same seed gives the same corpus; the counts per status are printed.
 */
class BadInputCorpusIT {

    private static final long SEED = 11;
    /** Requests in flight at once: the local runtime starts execution environments as Lambda does. */
    private static final int CLIENTS = 3;
    private static final int MINIMUM = 2_000;
    /** What a leaked internal looks like: exception or class names, stack frames, library messages. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bError:|\\bat [a-z]+\\.|java\\.|javax\\.|dev\\.broadsheet|software\\.amazon|com\\.fasterxml|jackson"
                    + "|org\\.owasp|NullPointer|IllegalArgument|IllegalState|stack ?trace|[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+\\b");

    private static LocalApi api;
    private static String slug;
    private static String imageKey;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start(Settings.inMemory());
        slug = SampleArticle.SLUG;
        Response article = send(raw("GET", "/articles/" + slug, Map.of(), null));
        String src = Json.MAPPER.readTree(article.body).path("heroImage").path("src").asText();
        imageKey = src.substring(src.indexOf("/images/") + "/images/".length());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void noMalformedRequestGetsA5xxOrShowsInternals() throws Exception {
        List<byte[]> corpus = corpus(new Random(SEED));
        assertTrue(corpus.size() >= MINIMUM, "corpus of " + corpus.size());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (byte[] request : corpus) {
                answers.add(clients.submit(() -> send(request)));
            }
        } finally {
            clients.shutdown();
        }
        for (int i = 0; i < corpus.size(); i++) {
            byte[] request = corpus.get(i);
            Response response = answers.get(i).get();
            statuses.merge(response.status, 1, Integer::sum);
            String shown = new String(request, StandardCharsets.ISO_8859_1);
            shown = shown.substring(0, Math.min(200, shown.length())).replace("\r\n", " | ");
            if (response.status >= 500 || response.status < 100) {
                failures.add(response.status + " for " + shown + " → " + response.body);
            } else if (INTERNALS.matcher(response.body).find()) {
                failures.add("internals in the body for " + shown + " → " + response.body);
            } else if (response.body.toLowerCase(Locale.ROOT).contains("evil.example") && !shown.contains("evil.example/")) {
                failures.add("the client's Host in the body for " + shown + " → " + response.body);
            }
        }
        System.out.println("[BadInputCorpusIT] " + corpus.size() + " malformed requests (seed " + SEED + "), statuses: " + statuses);
        Map<String, Long> kinds = new TreeMap<>();
        failures.forEach(failure -> kinds.merge(failure.replaceAll(" for .* → ", " → ").substring(0, Math.min(120,
                failure.replaceAll(" for .* → ", " → ").length())), 1L, Long::sum));
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failures, by kind: " + kinds);
    }

    @Test
    void theInputsOfTheReviewGetTheirProblemsThroughTheLocalApi() throws Exception {
        String comments = "/articles/" + slug + "/comments";
        for (String contentType : List.of(";", ";;", " ; ")) {
            Response response = send(raw("POST", comments, Map.of("Content-Type", contentType), "{}".getBytes(StandardCharsets.UTF_8)));
            assertEquals(415, response.status, contentType + " → " + response.body);
            assertEquals("https://broadsheet.dev/problems/unsupported-media-type", Json.MAPPER.readTree(response.body).path("type").asText());
        }
        // JSON string literals as a script sends them (escapes as text: a lone surrogate cannot travel as UTF-8).
        List<String[]> cases = List.of(
                new String[] {"\"ann@example.com\"", "\"<script>alert(1)</script>\"", "content"},
                new String[] {"\"ann@example.com\"", "\"<img src=x onerror=alert(1)>\"", "content"},
                new String[] {"\"ann\\u200b@example.com\"", "\"Hello\"", "email"},
                new String[] {"\"ann\\u0000@example.com\"", "\"Hello\"", "email"},
                new String[] {"\"ann\\ud800@example.com\"", "\"Hello\"", "email"});
        for (String[] test : cases) {
            JsonNode challenge = Json.MAPPER.readTree(send(raw("POST", "/articles/" + slug + "/challenges", Map.of(), null)).body);
            String json = "{\"author\":\"Ann\",\"email\":" + test[0] + ",\"content\":" + test[1] + ",\"challengeToken\":\""
                    + challenge.path("token").asText() + "\",\"challengePassword\":\"" + challenge.path("password").asText() + "\"}";
            Response response = send(raw("POST", comments, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8)));
            assertEquals(400, response.status, json + " → " + response.body);
            assertEquals(test[2], Json.MAPPER.readTree(response.body).path("errors").get(0).path("field").asText(), response.body);
        }
    }

    @Test
    void aClientsHostHeaderNeverReachesLinksInResponses() throws Exception {
        for (String path : List.of("/articles/" + slug, "/articles?limit=5", "/articles/" + slug + "/images")) {
            Response response = send(raw("GET", path, Map.of("Host", "evil.example"), null));
            assertEquals(200, response.status, path);
            assertTrue(!response.body.contains("evil.example") && response.body.contains("http://localhost:" + api.port()),
                    path + " → " + response.body);
        }
    }

    // --- the corpus ---

    private static List<byte[]> corpus(Random random) throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        List<String> slugs = List.of(slug, "", "UPPER-case", "a..b", "..", "%2e%2e", "a%2Fb", "a%00b", "%zz", "%", "x".repeat(300),
                "caf%C3%A9", "%F0%9F%92%A9", "a--b", "-a", "a-", "a_b", "a%20b", "a%0Ab", "%ED%A0%80", "%C0%AF", "%FF%FE", "1",
                "no-such-article", "a%2e", "<script>", "%3Cscript%3E", "a;b", "a,b", "'", "%22", "a\\b", "a%5Cb");
        List<String> templates = List.of("/articles/{s}", "/articles/{s}/images", "/articles/{s}/comments", "/articles/{s}/challenges");
        List<String> methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
        // Paths: every route with every malformed slug, under several methods.
        for (String template : templates) {
            for (String s : slugs) {
                String path = template.replace("{s}", s);
                corpus.add(raw(template.endsWith("challenges") || template.endsWith("comments") && random.nextBoolean() ? "POST" : "GET",
                        path, Map.of(), null));
                corpus.add(raw(methods.get(random.nextInt(methods.size())), path, Map.of("Origin", "http://localhost:8080"), null));
            }
        }
        // Image keys.
        List<String> keys = List.of(imageKey, imageKey.toUpperCase(Locale.ROOT), imageKey + ".png", "../" + imageKey, "%2e%2e/" + imageKey,
                imageKey.replace("/", "%2F"), imageKey.replace("/", "\\\\"), slug + "/" + "0".repeat(64) + ".exe", slug + "/" + "g".repeat(64) + ".png",
                "x".repeat(400), slug + "/" + "0".repeat(63) + ".png", "", "/", "//", slug, slug + "/", "%00", "%zz/" + imageKey,
                slug + "/" + "0".repeat(64) + ".png%00.jpg", slug + "/%F0%9F%92%A9.png", "images/" + imageKey);
        for (String key : keys) {
            for (String query : List.of("", "?format=json", "?format=xml", "?format=", "?format=json&format=json", "?format=%zz")) {
                corpus.add(raw("GET", "/images/" + key + query, Map.of(), null));
            }
        }
        // Mail links: malformed, tampered and foreign tokens, both methods, as a page and as a problem.
        List<String> tokens = List.of("x", "x.y", "a.b.c", ".", "..", "%zz", "%00.%00", "<script>.x", "%3Cscript%3E.x",
                "A".repeat(900) + "." + "B".repeat(43), "bTF8YXBwcm92ZXx4fHl8MQ.AAAA", "%F0%9F%92%A9.x", "x.y%2F..%2F", "x.y?token=z");
        for (String token : tokens) {
            for (String method : List.of("GET", "POST")) {
                corpus.add(raw(method, "/email-actions/" + token, Map.of("Accept", "text/html"), null));
                corpus.add(raw(method, "/email-actions/" + token, Map.of(), null));
            }
        }
        // Query strings on the lists.
        List<String> limits = List.of("-1", "0", "51", "101", "abc", "1e3", "", "99999999999999999999", "%205", "5%00", "1.5", "0x10",
                "%zz", "５", "1,2");
        String feedCursor = Cursor.encode("a1", "2016-09-13T08:00:00.000Z", slug);
        List<String> cursors = List.of("x", "%zz", "A".repeat(1_000), Cursor.encode("a1", "2016-09-13T08:00:00Z", slug),
                Cursor.encode("a1", "yesterday", slug), Cursor.encode("a1", "2016-09-13T08:00:00.000Z", "NOT A SLUG"),
                Cursor.encode("c1", "01HZZZZZZZZZZZZZZZZZZZZZZZ"), Cursor.encode("c1", "not-an-id"), Cursor.encode("a1", "x"),
                feedCursor + "x", feedCursor.substring(1), "====", "a%2Bb", "%00", Cursor.encode("c1", "01HZZZZZZZZZZZZZZZZZZZZZZZ", "x"),
                "eyJ7fQ", "////", "a1|2016", "%C3%28");
        List<String> tags = List.of("UPPER", "a b", "x".repeat(60), "%zz", "-", "syria,world", "", "%E2%80%8B", "<b>");
        for (String list : List.of("/articles", "/articles/" + slug + "/comments")) {
            for (String limit : limits) {
                corpus.add(raw("GET", list + "?limit=" + limit, Map.of(), null));
            }
            for (String cursor : cursors) {
                corpus.add(raw("GET", list + "?cursor=" + cursor, Map.of(), null));
                corpus.add(raw("GET", list + "?limit=" + limits.get(random.nextInt(limits.size())) + "&cursor=" + cursor, Map.of(), null));
            }
            for (String tag : tags) {
                corpus.add(raw("GET", list + "?tag=" + tag, Map.of(), null));
            }
            for (String query : List.of("&&&", "=", "==x", "limit", "limit=5&limit=6", "a=%", "%=%", "limit=%F0%9F%92%A9",
                    "cursor=&limit=", "x=" + "y".repeat(5_000))) {
                corpus.add(raw("GET", list + "?" + query, Map.of(), null));
            }
        }
        for (String parentId : List.of("x", "%zz", "01HZZZZZZZZZZZZZZZZZZZZZZZ", "", "0".repeat(27), "<script>")) {
            corpus.add(raw("POST", "/articles/" + slug + "/challenges?parentId=" + parentId, Map.of("Accept", "text/html"), null));
        }
        // Headers on every GET route.
        List<Map<String, String>> headerSets = List.of(Map.of("Host", "evil.example"), Map.of("Host", "evil.example", "X-Forwarded-Proto", "javascript"),
                Map.of("X-Forwarded-Host", "evil.example"), Map.of("If-None-Match", "\"" + "x".repeat(500)), Map.of("If-None-Match", "*"),
                Map.of("If-None-Match", ",,,"), Map.of("Accept", ";"), Map.of("Accept", ";;,;"), Map.of("Accept", "text/html;q=x"),
                Map.of("Accept-Encoding", "gzip;q=%"), Map.of("Origin", "null"), Map.of("Origin", "https://evil.example"),
                Map.of("X-Forwarded-For", "not-an-ip, ::zz"), Map.of("Cookie", ";;=;"), Map.of("User-Agent", "x".repeat(4_000)),
                Map.of("Content-Type", ";"), Map.of("Authorization", "Bearer %"));
        for (String path : List.of("/articles/" + slug, "/articles", "/articles/" + slug + "/images", "/articles/" + slug + "/comments",
                "/images/" + imageKey, "/images/" + imageKey + "?format=json")) {
            for (Map<String, String> headers : headerSets) {
                corpus.add(raw("GET", path, headers, null));
            }
        }
        // Preflights.
        for (String method : List.of("POST", "GET", "DELETE", "", "%", "P O S T")) {
            for (String origin : List.of("http://localhost:8080", "https://evil.example", "null", "")) {
                corpus.add(raw("OPTIONS", "/articles/" + slug + "/comments",
                        Map.of("Origin", origin, "Access-Control-Request-Method", method, "Access-Control-Request-Headers", "content-type, x-%"), null));
            }
        }
        // Bodies of the comment route: content types, encodings, JSON and forms gone wrong.
        String comments = "/articles/" + slug + "/comments";
        List<String> contentTypes = List.of(";", ";;", " ; ", "", "application/json", "application/json; charset=bogus", "APPLICATION/JSON",
                "application/json;", "text/plain", "multipart/form-data; boundary=", "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=utf-16", "application/xml", "*/*", "application/json, text/html",
                "application/" + "x".repeat(2_000), "\tapplication/json");
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("", "{", "}", "[]", "[1,2]", "null", "true", "42", "\"text\"", "{\"author\":}", "{\"author\":42}",
                "{\"author\":{\"x\":1}}", "{\"author\":[\"a\"]}", "{\"content\":null}", "{\"email\":\"\\ud800@x.com\"}", "{\"a\":\"\\u",
                "{\"author\":\"A\",\"email\":\"a\\u200b@example.com\",\"content\":\"hi\"}", "{\"content\":\"<script>alert(1)</script>\"}",
                "{\"parentId\":\"../../x\"}", "{\"challengeToken\":\"" + "A".repeat(3_000) + "\"}", "{\"challengeToken\":\"a.b.c\"}",
                "[".repeat(5_000), "{\"a\":".repeat(2_000), "{\"a\":1e999999}", "{\"a\":\"" + "é".repeat(20_000) + "\"}",
                "author=%zz&email=%", "author&email&content", "=&=&=", "author=a&author=b", "%", "a=%F0%9F", "content=%00%00",
                "\uFEFF{\"author\":\"a\"}", "x".repeat(70_000), "{\"author\":\"" + "x".repeat(70_000) + "\"}")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b, 0x7d});
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
        for (String contentType : contentTypes) {
            for (byte[] body : bodies) {
                corpus.add(raw("POST", comments, Map.of("Content-Type", contentType), body));
            }
        }
        // Encodings the gateway or handler might trip on.
        corpus.add(raw("POST", comments, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), "{}".getBytes(StandardCharsets.UTF_8)));
        corpus.add(chunked(comments, "application/json", "{\"author\":\"chunked\"}"));
        corpus.add(chunked(comments, "application/x-www-form-urlencoded", "author=a&content=%zz"));
        // Random mutations of a plausible submission, to fill the corpus past its minimum.
        String plausible = "{\"author\":\"Ann\",\"email\":\"ann@example.com\",\"content\":\"Hello <b>there</b>\",\"challengeToken\":\"t\",\"challengePassword\":\"p\"}";
        // Up to the minimum only: each request is a real invocation of a function's JVM (about 30 ms here).
        while (corpus.size() < MINIMUM) {
            byte[] body = mutate(plausible.getBytes(StandardCharsets.UTF_8), random);
            String contentType = contentTypes.get(random.nextInt(contentTypes.size()));
            String target = random.nextInt(5) == 0 ? "/articles/" + slugs.get(random.nextInt(slugs.size())) + "/comments" : comments;
            corpus.add(raw("POST", target, Map.of("Content-Type", contentType), body));
        }
        return corpus;
    }

    /** Flips, inserts or deletes a few random bytes. */
    private static byte[] mutate(byte[] body, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : body) {
            int roll = random.nextInt(40);
            if (roll == 0) {
                continue;
            }
            if (roll == 1) {
                out.write(random.nextInt(256));
            }
            out.write(roll == 2 ? random.nextInt(256) : b);
        }
        return out.toByteArray();
    }

    // --- raw HTTP/1.1, so that nothing is normalised on the way ---

    private static byte[] raw(String method, String target, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "localhost:" + api.port());
        all.putAll(headers);
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] chunked(String target, String contentType, String body) {
        String head = "POST " + target + " HTTP/1.1\r\nHost: localhost:" + api.port() + "\r\nContent-Type: " + contentType
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (head + Integer.toHexString(bytes.length) + "\r\n" + body + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private record Response(int status, String body) {
    }

    private static Response send(byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                return new Response(-1, text);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String head = text.substring(0, end).toLowerCase(Locale.ROOT);
            String body = text.substring(end + 4);
            return new Response(status, head.contains("transfer-encoding: chunked") ? dechunk(body) : body);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int line = body.indexOf("\r\n", at);
            if (line < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, line).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, line + 2, Math.min(body.length(), line + 2 + size));
            at = line + 2 + size + 2;
        }
        return out.toString();
    }
}
