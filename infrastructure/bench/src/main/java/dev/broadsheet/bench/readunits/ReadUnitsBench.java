package dev.broadsheet.bench.readunits;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.articles.dao.DynamoArticleRepository;
import dev.broadsheet.articles.handler.ListArticlesHandler;
import dev.broadsheet.comments.dao.CommentItems;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.handler.ListCommentsHandler;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.core.HttpEvents;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.emulators.Emulators;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.template.ProjectFiles;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Read units per request of the list routes, at growing archive sizes: {@code GET /articles}, a
 * common tag's page, a rare tag's page (10 articles) and a comments page, each at {@code limit} 20
 * and 50, as DynamoDB reports them ({@code ReturnConsumedCapacity}) and as computed from the items'
 * sizes; and the paging of the whole archive and of the rare tag (every article exactly once, no
 * empty page). The handlers run in-process on a client that meters every read. Writes the
 * {@code readUnits} section of {@code target/bench/results.json} (the rest of the file is the
 * function benchmark's) and {@code target/bench/read-units.md}.
 */
public final class ReadUnitsBench {

    static final String USAGE = """
            Usage: infrastructure/bench/run read-units [--sizes 1000,10000,20000,50000]
              --sizes N,N   archive sizes, loaded one after the other (the archive grows to each)
            Writes the readUnits section of infrastructure/bench/target/bench/results.json, and read-units.md.
            """;

    private static final String ARTICLE_URL = "https://news.example.com/articles/{slug}";
    private static final String CACHE = "public, max-age=60";
    private static final int APPROVED_COMMENTS = 120;

    private final LocalAws aws;
    private final ReadUnitMeter meter;
    private final HttpHandler listArticles;
    private final HttpHandler listComments;

    private ReadUnitsBench(LocalAws aws) {
        this.aws = aws;
        this.meter = new ReadUnitMeter(aws.dynamoDb());
        DynamoDbClient metered = DynamoDbClient.builder().endpointOverride(aws.dynamoDbEndpoint()).region(aws.region())
                .credentialsProvider(aws.credentialsProvider()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.addExecutionInterceptor(meter)).build();
        Map<String, String> names = aws.physicalNames();
        listArticles = new ListArticlesHandler(new DynamoArticleRepository(metered, names.get("ArticlesTable"), Clock.systemUTC()), ARTICLE_URL, CACHE);
        listComments = new ListCommentsHandler(new CommentService(new DynamoComments(metered, new DynamoComments.Tables(
                names.get("ArticlesTable"), names.get("CommentsTable"), names.get("GuardsTable"))),
                null, null, null, 0, Clock.systemUTC()), CACHE);
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes;
        try {
            sizes = sizes(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n");
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (sizes == null) {
            System.out.print(USAGE);
            return;
        }
        Path target = ProjectFiles.root().resolve("infrastructure/bench/target/bench");
        Files.createDirectories(target);
        Instant started = Instant.now();
        // On disk: 50,000 articles of 5 KB and their list items are more than dynalite should hold in memory.
        Path data = Files.createTempDirectory(target, "read-units-data");
        Map<String, Object> bySize = new LinkedHashMap<>();
        try (LocalAws aws = Emulators.start(Emulators.Options.persistentIn(data))) {
            ReadUnitsBench bench = new ReadUnitsBench(aws);
            bench.storeComments();
            int loaded = 0;
            for (int size : sizes) {
                System.out.printf("Loading articles %,d to %,d...%n", loaded, size);
                long start = System.nanoTime();
                Archive.load(aws.dynamoDb(), aws.physicalNames().get("ArticlesTable"), loaded, size);
                System.out.printf("  %.0f s%n", (System.nanoTime() - start) / 1e9);
                loaded = size;
                bySize.put(String.valueOf(size), bench.measure(size));
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("date", started.toString());
        section.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        section.put("method", "Each request through the route's handler, in-process, on a DynamoDB client that asks for"
                + " ReturnConsumedCapacity=TOTAL on every GetItem and Query; 'reported' is dynalite's answer, 'computed'"
                + " the read units from the sizes of the items read as the DynamoDB developer guide counts them (4 KB"
                + " units per request, eventually consistent = half, at least half a unit; a GetItem is charged for the"
                + " whole item). Articles ~5 KB, 20 common tags (two per article), a rare tag on 10 articles.");
        section.put("sizes", bySize);
        section.put("targets", targets(bySize));
        write(target.resolve("results.json"), section);
        String markdown = markdown(bySize);
        Files.writeString(target.resolve("read-units.md"), markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Wrote infrastructure/bench/target/bench/results.json (readUnits) and read-units.md");
    }

    /** The sizes asked for; null for --help. */
    static List<Integer> sizes(String[] args) {
        List<Integer> sizes = List.of(1_000, 10_000, 20_000, 50_000);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--sizes" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--sizes needs a value, e.g. --sizes 1000,10000");
                    }
                    try {
                        sizes = Arrays.stream(args[++i].split(",")).map(String::trim).map(Integer::parseInt).toList();
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--sizes takes whole numbers separated by commas, got " + args[i]);
                    }
                    for (int k = 0; k < sizes.size(); k++) {
                        if (sizes.get(k) < 1_000 || (k > 0 && sizes.get(k) <= sizes.get(k - 1))) {
                            throw new IllegalArgumentException("--sizes must be growing, each at least 1000 (the rare tag's"
                                    + " articles are among the first thousand), got " + args[i]);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return sizes;
    }

    /** The newest article's comments: approved ones with pending ones between them, as a busy article has. */
    private void storeComments() {
        String table = aws.physicalNames().get("CommentsTable");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Instant at = Archive.NEWEST.plusSeconds(60);
        for (int i = 0; i < APPROVED_COMMENTS * 2; i++) {
            at = at.plusSeconds(30);
            CommentStatus status = i % 2 == 0 ? CommentStatus.APPROVED : CommentStatus.PENDING;
            items.add(CommentItems.toItem(new Comment(Archive.slug(0), CommentIds.next(at), null, "Reader " + i,
                    "https://reader" + i + ".example.com/", "reader" + i + "@example.com", "e".repeat(43), "a".repeat(43), "i".repeat(43),
                    "I read this with <em>interest</em>; the council should publish the figures. ".repeat(4).trim(),
                    status, 1, at, status == CommentStatus.PENDING ? "first comment from this email" : null)));
        }
        Archive.write(aws.dynamoDb(), table, items);
    }

    private Map<String, Object> measure(int size) throws Exception {
        Map<String, Object> cases = new LinkedHashMap<>();
        for (int limit : List.of(20, 50)) {
            String l = String.valueOf(limit);
            cases.put("GET /articles?limit=" + l, articles(Map.of("limit", l)));
            cases.put("common tag, limit=" + l, articles(Map.of("tag", Archive.commonTag(3), "limit", l)));
            cases.put("rare tag (10 articles), limit=" + l, articles(Map.of("tag", Archive.RARE_TAG, "limit", l)));
            cases.put("comments page, limit=" + l, comments(Map.of("limit", l)));
        }
        cases.put("unknown tag", articles(Map.of("tag", "no-such-tag")));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cases", cases);
        result.put("paging", Map.of(
                "all articles, limit=50", walk(Map.of("limit", "50"), size),
                "rare tag, limit=20", walk(Map.of("tag", Archive.RARE_TAG, "limit", "20"), Archive.RARE_COUNT)));
        System.out.printf("%,d articles: %s%n", size, Json.MAPPER.writeValueAsString(result));
        return result;
    }

    private Map<String, Object> articles(Map<String, String> query) throws Exception {
        return measured(listArticles, "/articles", Map.of(), query);
    }

    private Map<String, Object> comments(Map<String, String> query) throws Exception {
        String slug = Archive.slug(0);
        return measured(listComments, "/articles/" + slug + "/comments", Map.of("slug", slug), query);
    }

    /** One request (a first page), its read units and how many items it answered. */
    private Map<String, Object> measured(HttpHandler handler, String path, Map<String, String> pathParameters,
                                         Map<String, String> query) throws Exception {
        meter.reset();
        JsonNode body = call(handler, path, pathParameters, query);
        ReadUnitMeter.Reading reading = meter.reset();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reported", reading.reported());
        result.put("computed", reading.computed());
        result.put("reads", reading.calls());
        result.put("items", body.path("items").size());
        result.put("hasNext", body.path("nextCursor").isTextual());
        return result;
    }

    private static JsonNode call(HttpHandler handler, String path, Map<String, String> pathParameters, Map<String, String> query)
            throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(HttpEvents.request("GET", path).host("api.example.com")
                .pathParameters(pathParameters).query(query).build(), null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException(path + " " + query + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return Json.MAPPER.readTree(response.getBody());
    }

    /** Pages a list to its end: requests, items, duplicates, empty pages, and the read units it took. */
    private Map<String, Object> walk(Map<String, String> query, int expected) throws Exception {
        Set<String> seen = new HashSet<>();
        int requests = 0;
        int items = 0;
        int emptyPages = 0;
        int duplicates = 0;
        String cursor = null;
        meter.reset();
        do {
            Map<String, String> page = new HashMap<>(query);
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonNode body = call(listArticles, "/articles", Map.of(), page);
            requests++;
            if (body.path("items").isEmpty()) {
                emptyPages++;
            }
            for (JsonNode item : body.path("items")) {
                items++;
                if (!seen.add(item.path("slug").asText())) {
                    duplicates++;
                }
            }
            cursor = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
        } while (cursor != null);
        ReadUnitMeter.Reading reading = meter.reset();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", requests);
        result.put("items", items);
        result.put("distinct", seen.size());
        result.put("expected", expected);
        result.put("duplicates", duplicates);
        result.put("emptyPages", emptyPages);
        result.put("everyArticleExactlyOnce", seen.size() == expected && duplicates == 0);
        result.put("readUnitsPerRequest", reading.reported() / requests);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> targets(Map<String, Object> bySize) {
        double worstTagRatio = 0;
        double worstUntagged50 = 0;
        double smallestUntagged50 = Double.MAX_VALUE;
        boolean paging = true;
        for (Object value : bySize.values()) {
            Map<String, Object> size = (Map<String, Object>) value;
            Map<String, Map<String, Object>> cases = (Map<String, Map<String, Object>>) size.get("cases");
            for (int limit : List.of(20, 50)) {
                double untagged = (double) cases.get("GET /articles?limit=" + limit).get("reported");
                for (String tagCase : List.of("common tag, limit=" + limit, "rare tag (10 articles), limit=" + limit)) {
                    worstTagRatio = Math.max(worstTagRatio, (double) cases.get(tagCase).get("reported") / untagged);
                }
                if (limit == 50) {
                    worstUntagged50 = Math.max(worstUntagged50, untagged);
                    smallestUntagged50 = Math.min(smallestUntagged50, untagged);
                }
            }
            Map<String, Map<String, Object>> walks = (Map<String, Map<String, Object>>) size.get("paging");
            Map<String, Object> all = walks.get("all articles, limit=50");
            Map<String, Object> rare = walks.get("rare tag, limit=20");
            paging &= (boolean) all.get("everyArticleExactlyOnce") && (int) all.get("emptyPages") == 0
                    && (boolean) rare.get("everyArticleExactlyOnce") && (int) rare.get("requests") <= 2
                    && (int) rare.get("emptyPages") == 0;
        }
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("tagPageAtMost1.5xUntagged", Map.of("worstRatio", worstTagRatio, "holds", worstTagRatio <= 1.5));
        targets.put("untagged50AtMost6", Map.of("worst", worstUntagged50, "holds", worstUntagged50 <= 6));
        targets.put("flatInArchiveSize", Map.of("untagged50Range", List.of(smallestUntagged50, worstUntagged50),
                "holds", worstUntagged50 == smallestUntagged50));
        targets.put("paging", Map.of("holds", paging,
                "rule", "every article exactly once at limit=50; the rare tag in at most 2 requests at limit=20; no empty page"));
        return targets;
    }

    /** Replaces the readUnits section of results.json, keeping what the function benchmark wrote there. */
    private static void write(Path results, Map<String, Object> section) throws Exception {
        ObjectNode root = Files.isRegularFile(results) && Json.MAPPER.readTree(results.toFile()) instanceof ObjectNode existing
                ? existing : Json.MAPPER.createObjectNode();
        root.set("readUnits", Json.MAPPER.valueToTree(section));
        Files.writeString(results, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** Reported units per request and item count; the computed units beside them where they differ. */
    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> bySize) {
        StringBuilder table = new StringBuilder("| request | ");
        bySize.keySet().forEach(size -> table.append(String.format("%,d articles", Integer.parseInt(size))).append(" | "));
        table.append("\n|---|").append("---:|".repeat(bySize.size())).append('\n');
        Map<String, Object> first = (Map<String, Object>) bySize.values().iterator().next();
        for (String name : ((Map<String, Object>) first.get("cases")).keySet()) {
            table.append("| ").append(name).append(" | ");
            for (Object value : bySize.values()) {
                Map<String, Object> measured = ((Map<String, Map<String, Object>>) ((Map<String, Object>) value).get("cases")).get(name);
                double reported = (double) measured.get("reported");
                double computed = (double) measured.get("computed");
                table.append(units(reported)).append(reported == computed ? "" : " (computed " + units(computed) + ")")
                        .append(", ").append(measured.get("items")).append(" items | ");
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static String units(double units) {
        return units == Math.rint(units) ? String.valueOf((long) units) : String.valueOf(units);
    }
}
