package dev.broadsheet.local;

import com.sun.net.httpserver.HttpServer;
import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.emulators.Emulators;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.local.seed.HeroIllustration;
import dev.broadsheet.local.seed.SampleArticle;
import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.Route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The HTTP API of {@code template.yaml} on localhost: starts the emulators (the sample article
 * published), loads every function's handler, and serves the template's routes with its CORS
 * configuration, as API Gateway would; and, on a port of its own, the demo site that uses the API.
 */
public final class LocalApi implements AutoCloseable {

    private static final String ARTICLE_URL_PATTERN = "ArticleUrlPattern";

    private final HttpServer server;
    private final ExecutorService workers;
    private final LocalAws aws;
    private final List<Route> routes;
    private final CorsPolicy cors;
    private final String startupBreakdown;
    private final Path discoveryFile;
    private final LocalApiFile discovery;
    private final SiteServer site;

    private LocalApi(HttpServer server, ExecutorService workers, LocalAws aws, List<Route> routes, CorsPolicy cors,
                     String startupBreakdown, Path discoveryFile, LocalApiFile discovery, SiteServer site) {
        this.site = site;
        this.server = server;
        this.workers = workers;
        this.aws = aws;
        this.routes = routes;
        this.cors = cors;
        this.startupBreakdown = startupBreakdown;
        this.discoveryFile = discoveryFile;
        this.discovery = discovery;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(Settings.USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv(), ProjectFiles.root());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n");
            System.err.print(Settings.USAGE);
            System.exit(2);
            return;
        }
        LocalApi api;
        try {
            api = start(settings, LocalApiFile.defaultLocation(ProjectFiles.root()));
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.err.println("\nThe local API could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "broadsheet-local-shutdown"));
        api.printBanner(settings, ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** Starts everything and returns once requests are being answered; {@link #close()} stops it all. */
    public static LocalApi start(Settings settings) {
        return start(settings, null);
    }

    /**
     * As {@link #start(Settings)}, and once ready, describes its emulators in {@code discoveryFile}
     * ({@code .broadsheet/local-api.json} when run from the command line) for {@code broadsheet --local};
     * {@link #close()} deletes it.
     *
     * @param discoveryFile null to write none
     */
    public static LocalApi start(Settings settings, Path discoveryFile) {
        // The port first: when it is taken, say so before spending seconds on the emulators. A given port is
        // listened on only once the discovery file is written, so a script that waits for it to open finds the
        // file; port 0 (tests) is taken at once, since the file names the port.
        HttpServer server = settings.port() == 0 ? bind(0) : null;
        if (server == null) {
            checkFree(settings.port());
        }
        int port = server == null ? settings.port() : server.getAddress().getPort();
        SiteServer site = null;
        try {
            if (settings.sitePort() != Settings.NO_SITE) {
                site = SiteServer.start(settings.sitePort(), "http://localhost:" + port);
            }
            if (settings.fresh()) {
                deleteRecursively(settings.dataDir());
            }
            long started = System.nanoTime();
            // Drawn while the emulators start: the sample article's publish then only hashes it.
            CompletableFuture<byte[]> hero = CompletableFuture.supplyAsync(HeroIllustration::png);
            SamTemplate template = SamTemplate.ofProject();
            LocalAws aws = Emulators.start(settings.dataDir() == null
                    ? Emulators.Options.inMemory() : Emulators.Options.persistentIn(settings.dataDir()));
            long emulatorsReady = System.nanoTime();
            try {
                References references = new References(template.parameterDefaults(), parameters(settings, site),
                        aws.physicalNames(), aws.region().id());
                CorsPolicy cors = CorsPolicy.from(template.corsConfiguration(), references::lookup);
                Functions functions = Functions.load(template, references, aws.environment());
                long functionsReady = System.nanoTime();
                String sample = SampleArticle.publish(aws, hero.join()).outcome().name().toLowerCase(java.util.Locale.ROOT);
                long seeded = System.nanoTime();

                LocalApiFile discovery = describe(aws, port);
                if (discoveryFile != null) {
                    discovery.writeTo(discoveryFile);
                }
                if (server == null) {
                    server = bind(port);
                }
                ExecutorService workers = Executors.newCachedThreadPool();
                server.setExecutor(workers);
                List<Route> routes = template.routes();
                server.createContext("/", new Gateway(new Router(routes), functions, cors));
                server.start();
                String breakdown = "emulators " + millis(started, emulatorsReady) + " ms, handlers "
                        + millis(emulatorsReady, functionsReady) + " ms, sample article " + sample + " in " + millis(functionsReady, seeded) + " ms";
                return new LocalApi(server, workers, aws, routes, cors, breakdown, discoveryFile, discovery, site);
            } catch (RuntimeException e) {
                aws.close();
                throw e;
            }
        } catch (RuntimeException e) {
            if (server != null) {
                server.stop(0);
            }
            if (site != null) {
                site.close();
            }
            throw e;
        }
    }

    /**
     * The command line's parameter overrides; with the demo site, article links (share URLs, the
     * comment form's redirect) point at its article page unless {@code ArticleUrlPattern} is given.
     */
    private static Map<String, String> parameters(Settings settings, SiteServer site) {
        Map<String, String> parameters = new LinkedHashMap<>(settings.parameters());
        if (site != null) {
            parameters.putIfAbsent(ARTICLE_URL_PATTERN, site.url() + "/articles/{slug}");
        }
        return parameters;
    }

    private static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw portTaken(port, e);
        }
    }

    /** Binds the port without listening on it (nothing can connect meanwhile), and lets it go. */
    private static void checkFree(int port) {
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw portTaken(port, e);
        }
    }

    private static UncheckedIOException portTaken(int port, IOException e) {
        return new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                + " (is another local API or sam local start-api running? --port picks another)", e);
    }

    private static LocalApiFile describe(LocalAws aws, int port) {
        return new LocalApiFile("http://localhost:" + port, aws.dynamoDbEndpoint(), aws.s3Endpoint(), aws.region().id(),
                aws.accessKeyId(), aws.secretAccessKey(), aws.physicalNames().get("ArticlesTable"),
                aws.physicalNames().get("ImagesBucket"), aws.physicalNames().get("CommentsTable"),
                aws.physicalNames().get("GuardsTable"), ProcessHandle.current().pid());
    }

    /** How the editor reaches this local API's emulators: what {@code .broadsheet/local-api.json} holds. */
    public LocalApiFile discovery() {
        return discovery;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, without a trailing slash. */
    public String url() {
        return "http://localhost:" + port();
    }

    /** The demo site's base URL (also its origin), when it runs. */
    public Optional<String> siteUrl() {
        return Optional.ofNullable(site).map(SiteServer::url);
    }

    /** The emulators behind the API: for tests that check what was stored. */
    public LocalAws aws() {
        return aws;
    }

    @Override
    public void close() {
        if (discoveryFile != null) {
            discovery.deleteFrom(discoveryFile);
        }
        if (site != null) {
            site.close();
        }
        server.stop(0);
        workers.shutdownNow();
        aws.close();
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private void printBanner(Settings settings, long sinceJvmStartMs) {
        StringBuilder out = new StringBuilder();
        out.append("Broadsheet local API on ").append(url()).append(" (ready ").append(sinceJvmStartMs)
                .append(" ms after JVM start: ").append(startupBreakdown).append(")\n");
        out.append("  emulators: ").append(aws.description()).append('\n');
        out.append("  CORS origins: ").append(cors.allowOrigins().isEmpty() ? "none" : String.join(", ", cors.allowOrigins()))
                .append('\n');
        out.append("  routes:\n");
        int width = routes.stream().mapToInt(route -> route.method().length() + route.path().length() + 1).max().orElse(0);
        routes.stream().sorted(Comparator.comparing(Route::path).thenComparing(Route::method)).forEach(route ->
                out.append(String.format("    %-" + width + "s  -> %s%n", route.method() + " " + route.path(), route.functionId())));
        if (site != null) {
            out.append("  demo site: ").append(site.url()).append("/ (article: ").append(site.url())
                    .append("/articles/").append(SampleArticle.SLUG).append(")\n");
            if (!cors.isAllowed(site.url())) {
                out.append("  WARNING: CORS does not allow the demo site's origin ").append(site.url())
                        .append(": add it with --param AllowedOrigins=").append(site.url()).append('\n');
            }
        }
        out.append("  try: curl ").append(url()).append("/articles/").append(SampleArticle.SLUG).append('\n');
        out.append("  publish: infrastructure/editor/bin/broadsheet publish ARTICLE.json --local").append('\n');
        out.append("Ctrl-C to stop").append(settings.dataDir() == null ? "." : "; data stays in " + settings.dataDir()
                + " (--fresh to start over).").append('\n');
        System.out.print(out);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir + " for --fresh: " + e.getMessage(), e);
        }
    }
}
