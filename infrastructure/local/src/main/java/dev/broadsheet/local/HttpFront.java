package dev.broadsheet.local;

import dev.broadsheet.core.Problem;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP side of the local API, shaped as API Gateway's: it parses requests with Jetty (a
 * maintained HTTP/1.1 server), passes the path, query and body on raw and byte for byte, and answers
 * what it refuses itself — a malformed request line or header, headers over API Gateway's 10,240
 * bytes, a body over its 10 MB — with a short problem, never a Java exception's name.
 */
final class HttpFront implements AutoCloseable {

    /** API Gateway HTTP API quota: request line and headers together. */
    static final int MAX_HEADER_BYTES = 10_240;
    /** API Gateway HTTP API quota: the payload. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final int requestedPort;

    private HttpFront(Server server, ServerConnector connector, int requestedPort) {
        this.server = server;
        this.connector = connector;
        this.requestedPort = requestedPort;
    }

    /**
     * The server for 127.0.0.1:{@code port}: port 0 is bound at once (any free port, known from then on);
     * a given port is only checked to be free, and listened on when {@link #start} is called.
     */
    static HttpFront create(int port) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("local-api");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Paths reach the router as sent (%2F, "..", "//" included): the functions validate them, as behind API Gateway.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setErrorHandler(HttpFront::refuse);
        try {
            if (port == 0) {
                connector.open();
            } else {
                // Bound without listening (nothing can connect meanwhile), and let go.
                try (Socket probe = new Socket()) {
                    probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + " (is another local API or sam local start-api running? --port picks another)", e);
        }
        return new HttpFront(server, connector, port);
    }

    /** Starts answering requests with {@code gateway}. */
    void start(Function<IncomingRequest, GatewayResponse> gateway) {
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                write(request, response, callback, answer(request, gateway));
                return true;
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("The local API's HTTP server did not start: " + e.getMessage(), e);
        }
    }

    int port() {
        return requestedPort != 0 ? requestedPort : connector.getLocalPort();
    }

    private static GatewayResponse answer(Request request, Function<IncomingRequest, GatewayResponse> gateway)
            throws IOException {
        if (request.getLength() > MAX_BODY_BYTES) {
            return GatewayResponse.problem(tooLarge());
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return GatewayResponse.problem(tooLarge());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        long started = System.nanoTime();
        IncomingRequest incoming = new IncomingRequest(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), headers, body, Request.getRemoteAddr(request),
                Request.getLocalPort(request), request.getConnectionMetaData().getProtocol());
        GatewayResponse response = gateway.apply(incoming);
        System.out.printf("%s %s -> %d (%d ms)%n", incoming.method(), request.getHttpURI().getPathQuery(),
                response.status(), (System.nanoTime() - started) / 1_000_000);
        return response;
    }

    private static Problem tooLarge() {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
    }

    private static void write(Request request, Response response, Callback callback, GatewayResponse answer) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        boolean bodiless = answer.status() == 204 || answer.status() == 304 || answer.body().length == 0;
        if (bodiless) {
            if (answer.status() != 204 && answer.status() != 304) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
            }
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        if (request.getMethod().equals("HEAD")) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }
    }

    /**
     * What the server answers for a request it could not parse or refused before any route:
     * the status Jetty chose, as a problem with a fixed text (never the parser's message).
     */
    private static boolean refuse(Request request, Response response, Callback callback) {
        int status = response.getStatus() < 400 ? 400 : response.getStatus();
        Problem problem = switch (status) {
            case 413 -> tooLarge();
            case 414, 431 -> Problem.of(status, "request-too-large", "Request too large",
                    "The request line and headers together exceed " + MAX_HEADER_BYTES + " bytes.");
            case 505 -> Problem.of(status, "http-version-not-supported", "HTTP version not supported",
                    "Use HTTP/1.1.");
            default -> status < 500
                    ? Problem.of(400, "bad-request", "Bad request", "The request is not valid HTTP.")
                    : Problem.of(status, "internal-error", "Internal server error", "The local API failed.");
        };
        response.getHeaders().clear();
        write(request, response, callback, GatewayResponse.problem(problem));
        return true;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping: nothing left to do about it.
        }
    }
}
