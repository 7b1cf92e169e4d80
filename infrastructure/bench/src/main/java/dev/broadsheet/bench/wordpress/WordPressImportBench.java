package dev.broadsheet.bench.wordpress;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.dao.DynamoArticleRepository;
import dev.broadsheet.articles.handler.GetArticleHandler;
import dev.broadsheet.articles.handler.ListArticlesHandler;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.core.HttpEvents;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.publish.ImageBucket;
import dev.broadsheet.editor.publish.Publisher;
import dev.broadsheet.editor.wordpress.ImportReport;
import dev.broadsheet.editor.wordpress.WordPressImport;
import dev.broadsheet.emulators.Emulators;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.template.ProjectFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 16's archive-scale import: a WordPress export of generated posts (20,000 by default, no
 * images) imported with {@code broadsheet import wordpress}'s code into the emulators, timed, with
 * the JVM's peak heap; then what a frontend sees, through the list and article handlers in-process:
 * the rare tag (10 posts) at {@code limit=20}, every post exactly once paging {@code limit=50}, and
 * the posts' authors. Run with {@code infrastructure/bench/run wordpress-import [--posts N]}; not
 * part of the test suite (minutes).
 */
public final class WordPressImportBench {

    static final String USAGE = """
            Usage: infrastructure/bench/run wordpress-import [--posts 20000] [--threads 4]
            Generates a WordPress export of N posts, imports it into fresh emulators and checks the lists.
            Writes infrastructure/bench/target/bench/wordpress-import.json.
            """;

    /** What a run measured and found. */
    public record Result(int posts, double seconds, double postsPerSecond, long peakHeapBytes, List<Long> heapAfterGcAtQuarters,
                         Map<String, Object> rareTag, Map<String, Object> allArticles, boolean authorsPresent,
                         int published, int commentsApproved) {
    }

    private WordPressImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int posts = 20_000;
        int threads = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--posts" -> posts = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> {
                    System.err.print("Unknown option " + args[i] + "\n\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        Path target = Files.createDirectories(ProjectFiles.root().resolve("infrastructure/bench/target/bench"));
        Result result;
        try (LocalAws aws = Emulators.start(Emulators.Options.inMemory())) {
            result = run(aws, target, posts, threads, true);
        }
        String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        Files.writeString(target.resolve("wordpress-import.json"), json);
        System.out.println(json);
        System.out.println("Wrote infrastructure/bench/target/bench/wordpress-import.json");
    }

    /**
     * Generates, imports and checks.
     *
     * @param verbose progress every 10% on stdout (the per-post lines go to {@code wordpress-import.log})
     */
    public static Result run(LocalAws aws, Path folder, int posts, int threads, boolean verbose) throws IOException {
        Path export = folder.resolve("wordpress-" + posts + ".xml");
        GeneratedExport.write(export, posts);
        if (verbose) {
            System.out.printf("Generated %s (%,d posts, %.1f MB)%n", export, posts, Files.size(export) / 1e6);
        }
        Map<String, String> names = aws.physicalNames();
        WordPressImport.Destination destination = new WordPressImport.Destination(
                new Publisher(new ArticleTable(aws.dynamoDb(), names.get("ArticlesTable")),
                        new ImageBucket(aws.s3(), names.get("ImagesBucket")), Clock.systemUTC()),
                new DynamoComments(aws.dynamoDb(), new DynamoComments.Tables(names.get("ArticlesTable"), names.get("CommentsTable"),
                        names.get("GuardsTable"))), "the emulators");
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        List<Long> afterGc = new ArrayList<>();
        ImportReport report;
        long start = System.nanoTime();
        try (PrintWriter log = new PrintWriter(new QuarterWatch(Files.newOutputStream(folder.resolve("wordpress-import.log")), posts,
                quarter -> {
                    System.gc();
                    afterGc.add(used(heap));
                    if (verbose) {
                        System.out.printf("  %d%% of the posts: %.0f s, heap after GC %.1f MB%n", quarter * 25,
                                (System.nanoTime() - start) / 1e9, used(heap) / 1e6);
                    }
                }), true, StandardCharsets.UTF_8)) {
            report = new WordPressImport(new WordPressImport.Options(export, null, false, threads), destination, Clock.systemUTC(),
                    log).run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

        DynamoArticleRepository repository = new DynamoArticleRepository(aws.dynamoDb(), names.get("ArticlesTable"), Clock.systemUTC());
        HttpHandler list = new ListArticlesHandler(repository, "https://generated.example.org/{slug}", "public, max-age=60");
        HttpHandler get = new GetArticleHandler(repository, "https://generated.example.org/{slug}", "public, max-age=60");
        Map<String, Object> rare = walk(list, Map.of("tag", GeneratedExport.RARE_TAG, "limit", "20"), GeneratedExport.RARE_COUNT);
        Map<String, Object> all = walk(list, Map.of("limit", "50"), posts);
        boolean authors = true;
        for (int post : new int[] {0, posts / 2, posts - 1}) {
            JsonNode article = call(get, "/articles/" + GeneratedExport.slug(post), Map.of("slug", GeneratedExport.slug(post)), Map.of());
            authors &= !article.path("authors").path(0).path("name").asText().isEmpty();
        }
        return new Result(posts, Math.round(seconds * 10) / 10.0, Math.round(posts / seconds * 10) / 10.0, peak, afterGc, rare,
                all, authors, report.published(), report.commentsApproved());
    }

    private static long used(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    /** Pages a list to its end: requests, items, distinct slugs, empty pages, whether every post came exactly once. */
    static Map<String, Object> walk(HttpHandler list, Map<String, String> query, int expected) {
        Set<String> seen = new HashSet<>();
        int requests = 0;
        int items = 0;
        int emptyPages = 0;
        String cursor = null;
        do {
            Map<String, String> page = new HashMap<>(query);
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonNode body = call(list, "/articles", Map.of(), page);
            requests++;
            if (body.path("items").isEmpty()) {
                emptyPages++;
            }
            for (JsonNode item : body.path("items")) {
                items++;
                seen.add(item.path("slug").asText());
            }
            cursor = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
        } while (cursor != null);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", requests);
        result.put("items", items);
        result.put("distinct", seen.size());
        result.put("expected", expected);
        result.put("emptyPages", emptyPages);
        result.put("everyPostExactlyOnce", items == expected && seen.size() == expected);
        return result;
    }

    private static JsonNode call(HttpHandler handler, String path, Map<String, String> pathParameters, Map<String, String> query) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(HttpEvents.request("GET", path).host("api.example.com")
                .pathParameters(pathParameters).query(query).build(), null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException(path + " " + query + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.getBody(), e);
        }
    }

    /** The progress log, counting its per-post lines: calls back at each quarter of the posts. */
    private static final class QuarterWatch extends OutputStream {
        private final OutputStream out;
        private final int posts;
        private final java.util.function.IntConsumer quarter;
        private int lines;
        private int quarters;

        QuarterWatch(OutputStream out, int posts, java.util.function.IntConsumer quarter) {
            this.out = out;
            this.posts = posts;
            this.quarter = quarter;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
            if (b == '\n' && ++lines * 4L >= (long) posts * (quarters + 1) && quarters < 4) {
                quarter.accept(++quarters);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
