package dev.broadsheet.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo site's static file server, over HTTP on a free port. */
class SiteServerTest {

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static SiteServer site;

    @BeforeAll
    static void start() {
        site = SiteServer.start(0, "http://localhost:3999");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void servesThePagesWithTheirContentTypes() throws Exception {
        assertServed("/", "text/html; charset=utf-8", "<title>Broadsheet");
        assertServed("/index.html", "text/html; charset=utf-8", "id=\"articles\"");
        assertServed("/article.html", "text/html; charset=utf-8", "Leave a Reply");
        assertServed("/site.css", "text/css; charset=utf-8", ".headline");
        assertServed("/article.js", "text/javascript; charset=utf-8", "/challenges");
    }

    @Test
    void anArticleUrlAnswersWithTheArticlePage() throws Exception {
        assertServed("/articles/united-states-and-russia-enter-military-partnership-over-syria", "text/html; charset=utf-8",
                "Leave a Reply");
        assertEquals(404, get("/articles/a/b").statusCode());
        assertEquals(404, get("/articles/").statusCode());
    }

    @Test
    void pagesNameTheirFeedsForReadersAndCrawlers() throws Exception {
        assertServed("/", "text/html; charset=utf-8",
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Broadsheet\" href=\"http://localhost:3999/feed\">");
        String slug = "united-states-and-russia-enter-military-partnership-over-syria";
        assertServed("/articles/" + slug, "text/html; charset=utf-8",
                "href=\"http://localhost:3999/articles/" + slug + "/comments/feed\"");
        assertServed("/articles/" + slug, "text/html; charset=utf-8", "href=\"http://localhost:3999/feed\"");
    }

    @Test
    void configJsTellsThePagesWhereTheApiIs() throws Exception {
        HttpResponse<String> response = get("/config.js");

        assertEquals(200, response.statusCode());
        assertEquals("window.BROADSHEET_CONFIG = {\"apiUrl\":\"http://localhost:3999\"};\n", response.body());
    }

    @Test
    void unknownFilesAndUnknownTypesAre404() throws Exception {
        assertEquals(404, get("/no-such-page.html").statusCode());
        assertEquals(404, get("/dev/broadsheet/local/SiteServer.class").statusCode());
        assertEquals(404, get("/.hidden.js").statusCode());
    }

    @Test
    void nothingOutsideTheSiteIsReachable() throws Exception {
        // Raw requests: HTTP clients normalise dot segments before sending them.
        for (String path : new String[] {"/../seed/united-states-and-russia-enter-military-partnership-over-syria.json",
                "/%2e%2e/seed/united-states-and-russia-enter-military-partnership-over-syria.json",
                "/..%2fdev/broadsheet/local/SiteServer.class", "/site/../site.css", "/%2fetc%2fpasswd.txt",
                "/articles/..%2f..%2fseed", "//etc/passwd.txt", "/site.css%00.html"}) {
            assertTrue(rawStatusLine(path).startsWith("HTTP/1.1 404"), path);
        }
    }

    @Test
    void onlyGetAndHead() throws Exception {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(site.url() + "/index.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("allow").orElse(""));

        HttpResponse<String> head = client.send(HttpRequest.newBuilder(URI.create(site.url() + "/index.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    private static void assertServed(String path, String contentType, String containing) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path);
        assertEquals(contentType, response.headers().firstValue("content-type").orElse(""), path);
        assertEquals("nosniff", response.headers().firstValue("x-content-type-options").orElse(""), path);
        assertTrue(response.body().contains(containing), path);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(site.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rawStatusLine(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), site.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }
}
