package dev.broadsheet.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.broadsheet.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The demo frontend: the static files under {@code site/} on the classpath, on a port of their
 * own so that the pages and the API are different origins, as they are deployed. The one generated
 * file is {@code /config.js}, which tells the pages where the API is; and {@code /articles/<slug>}
 * answers with {@code article.html}, the rewrite a static host is configured with, so that article
 * URLs look like the template's {@code ArticleUrlPattern} (and the comment form's redirect lands).
 *
 * <p>Only files of known types are served, and only by names made of plain path segments: no
 * {@code ..}, no dot-files, no directory listings, no percent-encoded tricks (the path is matched
 * after decoding).
 */
public final class SiteServer implements AutoCloseable {

    static final String ROOT = "/site/";
    private static final Pattern ARTICLE_PATH = Pattern.compile("articles/[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService workers;
    private final byte[] config;

    private final String apiUrl;

    private SiteServer(HttpServer server, ExecutorService workers, String apiUrl) {
        this.apiUrl = apiUrl;
        this.server = server;
        this.workers = workers;
        // JSON is valid JavaScript, and Jackson escapes what could end a string: the URL stays data.
        this.config = ("window.BROADSHEET_CONFIG = " + Json.write(Map.of("apiUrl", apiUrl)) + ";\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Serves the site on {@code 127.0.0.1:port} (0 for any free port).
     *
     * @param apiUrl the API's base URL, without a trailing slash, as the browser reaches it
     */
    public static SiteServer start(int port, String apiUrl) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the demo site on 127.0.0.1:" + port + ": " + e.getMessage()
                    + " (--site-port picks another, --site-port 0 turns the site off)", e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(4);
        SiteServer site = new SiteServer(server, workers, apiUrl);
        server.setExecutor(workers);
        server.createContext("/", site::handle);
        server.start();
        return site;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The site's base URL, without a trailing slash; also its origin. */
    public String url() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<Resource> resource = resolve(exchange.getRequestURI().getPath());
            if (resource.isEmpty()) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, resource.get().contentType(), resource.get().bytes());
        }
    }

    /** The file a decoded request path names, if it is one the site serves. */
    Optional<Resource> resolve(String path) {
        if (path == null || !path.startsWith("/")) {
            return Optional.empty();
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (name.equals("config.js")) {
            return Optional.of(new Resource(CONTENT_TYPES.get("js"), config));
        }
        if (name.equals("index.html")) {
            return Optional.of(page(name, Map.of("{{feedUrl}}", apiUrl + "/feed")));
        }
        if (ARTICLE_PATH.matcher(name).matches() && !name.contains("..")) {
            return articlePage(name.substring("articles/".length()));
        }
        if (!SAFE_PATH.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        String contentType = CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (contentType == null) {
            return Optional.empty();
        }
        try (InputStream in = SiteServer.class.getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(new Resource(contentType, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code article.html} with the per-article values a page needs without JavaScript baked in, as a
     * static-site generator would: where its "Comment without JavaScript" form posts (the challenges
     * route, which answers a browser's form post with the comment form as a page), and the article's
     * comments feed for {@code <link rel="alternate">}.
     */
    private Optional<Resource> articlePage(String slug) {
        String article = apiUrl + "/articles/" + slug;
        return Optional.of(page("article.html", Map.of("{{challengeAction}}", article + "/challenges",
                "{{commentsFeedUrl}}", article + "/comments/feed", "{{feedUrl}}", apiUrl + "/feed")));
    }

    /** An HTML page of the site with its {@code {{placeholders}}} replaced by URLs (HTML-escaped). */
    private static Resource page(String name, Map<String, String> urls) {
        try (InputStream in = SiteServer.class.getResourceAsStream(ROOT + name)) {
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> url : urls.entrySet()) {
                page = page.replace(url.getKey(), htmlEscape(url.getValue()));
            }
            return new Resource(CONTENT_TYPES.get("html"), page.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String htmlEscape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The pages' Content-Security-Policy: scripts of this site only (none inline), data from the API
     * only, forms posted to the API (or here, where its 303 comes back), images from anywhere (the
     * API's 302 goes to a presigned URL of whatever S3 endpoint signs it), no plugins, no framing, no
     * {@code <base>}. A comment's sanitized HTML therefore cannot run a script even if the sanitizer
     * let one through. The ALTCHA widget (the optional proof of work) needs two things more: its
     * solver runs in a worker made from a {@code blob:} URL, and it injects its stylesheet as a
     * {@code <style>} element — so {@code worker-src blob:} and inline styles (not scripts).
     */
    String contentSecurityPolicy() {
        String api = java.net.URI.create(apiUrl).resolve("/").toString().replaceAll("/$", "");
        return "default-src 'none'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: http: https:; "
                + "connect-src " + api + "; form-action 'self' " + api + "; base-uri 'none'; frame-ancestors 'none'; "
                + "object-src 'none'";
    }

    private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType.startsWith("text/html")) {
            exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy());
            exchange.getResponseHeaders().set("Referrer-Policy", "strict-origin-when-cross-origin");
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // The demo changes while you edit it: always revalidate.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    record Resource(String contentType, byte[] bytes) {
    }
}
