package dev.broadsheet.local;

import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.emulators.Emulators;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.local.seed.HeroIllustration;
import dev.broadsheet.local.seed.SampleArticle;
import dev.broadsheet.runtime.RuntimeOptions;
import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.Route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The HTTP API of {@code template.yaml} on localhost: starts the emulators (the sample article
 * published) and serves the template's routes with its CORS configuration, as API Gateway would,
 * invoking each function as Lambda does — its deployment jar in JVMs of its own under the runtime
 * interface client ({@code infrastructure/runtime}); and, on a port of its own, the demo site.
 */
public final class LocalApi implements AutoCloseable {

    private static final String ARTICLE_URL_PATTERN = "ArticleUrlPattern";
    private static final String PUBLIC_API_URL = "PublicApiUrl";

    private final HttpFront server;
    private final Functions functions;
    private final LocalAws aws;
    private final List<Route> routes;
    private final CorsPolicy cors;
    private final String startupBreakdown;
    private final Path discoveryFile;
    private final LocalApiFile discovery;
    private final SiteServer site;
    private final Schedules schedules;

    private LocalApi(HttpFront server, Functions functions, LocalAws aws, List<Route> routes, CorsPolicy cors,
                     String startupBreakdown, Path discoveryFile, LocalApiFile discovery, SiteServer site, Schedules schedules) {
        this.site = site;
        this.schedules = schedules;
        this.server = server;
        this.functions = functions;
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
        HttpFront server = HttpFront.create(settings.port());
        SiteServer site = null;
        try {
            if (settings.sitePort() != Settings.NO_SITE) {
                site = SiteServer.start(settings.sitePort(), "http://localhost:" + server.port());
            }
            if (settings.fresh()) {
                deleteRecursively(settings.dataDir());
            }
            long started = System.nanoTime();
            // Drawn while the emulators start: the sample article's publish then only hashes it.
            CompletableFuture<byte[]> hero = CompletableFuture.supplyAsync(HeroIllustration::png);
            SamTemplate template = SamTemplate.ofProject();
            LocalAws aws = Emulators.start((settings.dataDir() == null
                    ? Emulators.Options.inMemory() : Emulators.Options.persistentIn(settings.dataDir())).withSesPort(settings.sesPort()));
            long emulatorsReady = System.nanoTime();
            Functions functions = null;
            Schedules schedules = null;
            try {
                References references = new References(template.parameterDefaults(), parameters(settings, site, server.port()),
                        aws.physicalNames(), aws.region().id());
                CorsPolicy cors = CorsPolicy.from(template.corsConfiguration(), references::lookup);
                functions = Functions.start(template, ProjectFiles.root(), references, aws.environment(),
                        RuntimeOptions.defaults(ProjectFiles.root()).withMaxEnvironments(settings.maxEnvironments()));
                if (settings.prestart()) {
                    functions.prestartAll();
                }
                long functionsReady = System.nanoTime();
                String sample = SampleArticle.seed(aws, hero::join);
                long seeded = System.nanoTime();

                List<Route> routes = template.routes();
                LocalApiFile discovery = describe(aws, server.port());
                // Written before the first request is answered: a script that waits for the API finds it.
                if (discoveryFile != null) {
                    discovery.writeTo(discoveryFile);
                    SamEnvFile.write(discoveryFile.resolveSibling(SamEnvFile.NAME), SamEnvFile.of(template, references, aws));
                }
                Gateway gateway = new Gateway(new Router(routes), functions, cors, ContractCheck.fromSystemProperty());
                server.start(OpenApiDocument.before(gateway::respond));
                // EventBridge's part: the template's Schedule events, once the API answers (their mails link to it).
                schedules = Schedules.start(template.schedules(), functions, settings.schedulePeriod(), aws.region().id());
                String breakdown = "emulators " + millis(started, emulatorsReady) + " ms, functions "
                        + (settings.prestart() ? "started" : "ready to start") + " in "
                        + millis(emulatorsReady, functionsReady) + " ms, sample article " + sample + " in "
                        + millis(functionsReady, seeded) + " ms";
                return new LocalApi(server, functions, aws, routes, cors, breakdown, discoveryFile, discovery, site, schedules);
            } catch (RuntimeException e) {
                if (schedules != null) {
                    schedules.close();
                }
                if (functions != null) {
                    functions.close();
                }
                aws.close();
                throw e;
            }
        } catch (RuntimeException e) {
            server.close();
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
    private static Map<String, String> parameters(Settings settings, SiteServer site, int port) {
        Map<String, String> parameters = new LinkedHashMap<>(settings.parameters());
        if (site != null) {
            parameters.putIfAbsent(ARTICLE_URL_PATTERN, site.url() + "/articles/{slug}");
        }
        // Links in mails point at this API's /email-actions pages.
        parameters.putIfAbsent(PUBLIC_API_URL, "http://localhost:" + port);
        return parameters;
    }


    private static LocalApiFile describe(LocalAws aws, int port) {
        return new LocalApiFile("http://localhost:" + port, aws.dynamoDbEndpoint(), aws.s3Endpoint(), aws.region().id(),
                aws.accessKeyId(), aws.secretAccessKey(), aws.physicalNames().get("ArticlesTable"),
                aws.physicalNames().get("ImagesBucket"), aws.physicalNames().get("CommentsTable"),
                aws.physicalNames().get("GuardsTable"), aws.physicalNames().get("NotificationsTable"), ProcessHandle.current().pid());
    }

    /** How the editor reaches this local API's emulators: what {@code .broadsheet/local-api.json} holds. */
    public LocalApiFile discovery() {
        return discovery;
    }

    public int port() {
        return server.port();
    }

    /** The base URL, without a trailing slash. */
    public String url() {
        return "http://localhost:" + port();
    }

    /** The demo site's base URL (also its origin), when it runs. */
    public Optional<String> siteUrl() {
        return Optional.ofNullable(site).map(SiteServer::url);
    }

    /** The local Lambda service behind the routes: for tests that count execution environments. */
    public dev.broadsheet.runtime.LambdaRuntime lambda() {
        return functions.runtime();
    }

    /** How many scheduled runs of a function have ended: tests wait for runs, not for time. */
    public long scheduledRuns(String functionId) {
        return schedules.runs(functionId);
    }

    /** The emulators behind the API: for tests that check what was stored. */
    public LocalAws aws() {
        return aws;
    }

    @Override
    public void close() {
        if (discoveryFile != null) {
            discovery.deleteFrom(discoveryFile);
            try {
                Files.deleteIfExists(discoveryFile.resolveSibling(SamEnvFile.NAME));
            } catch (IOException e) {
                System.err.println("Could not delete " + discoveryFile.resolveSibling(SamEnvFile.NAME) + ": " + e.getMessage());
            }
        }
        if (site != null) {
            site.close();
        }
        schedules.close();
        server.close();
        functions.close();
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
        out.append("  functions: each from its deployment jar in JVMs of its own under the Lambda runtime interface client (")
                .append(functions.runtime().options().java()).append("), started on its first request, at most ")
                .append(functions.runtime().options().maxEnvironments()).append(" per function; REPORT lines below\n");
        out.append("  mail: aws-ses-v2-local on ").append(aws.ses().endpoint()).append(" (the mails sent: its web page ")
                .append(aws.ses().endpoint()).append("/ and GET ").append(aws.ses().endpoint()).append("/store)\n");
        schedules.descriptions().forEach(schedule -> out.append("  schedule: ").append(schedule).append('\n'));
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
        out.append("  contract: ").append(url()).append(OpenApiDocument.PATH).append(" (OpenAPI 3.1)\n");
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
