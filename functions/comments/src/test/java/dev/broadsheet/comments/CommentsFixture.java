package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.challenge.ProofOfWork;
import dev.broadsheet.comments.dao.CommentItems;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.handler.CreateChallengeHandler;
import dev.broadsheet.comments.handler.ListCommentsHandler;
import dev.broadsheet.comments.handler.SubmitCommentHandler;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.comments.service.Limits;
import dev.broadsheet.comments.service.ModerationRules;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.Backoff;
import dev.broadsheet.core.HttpEvents;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.emulators.MutableClock;
import dev.broadsheet.template.OpenApiContract;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The comment handlers wired to the emulators, with a clock the test moves. */
public final class CommentsFixture {

    public static final String SLUG = "a-published-article";
    public static final String OTHER_SLUG = "another-published-article";
    public static final String ARTICLE_URL = "https://news.example.com/articles/{slug}";
    public static final Challenges.Keys KEYS = new Challenges.Keys("test-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));

    /**
     * Tests of other rules ask for many challenges from one address within the clock's minute;
     * the limits' own tests set theirs.
     */
    public static final Limits GENEROUS_LIMITS = new Limits(Limits.DEFAULTS.floodInterval(), 1_000, 1_000);

    public final LocalAws aws;
    public final DynamoComments.Tables tables;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final Moderation moderation;
    public CommentService service;
    private CreateChallengeHandler challenges;
    private SubmitCommentHandler submit;
    private ListCommentsHandler list;

    public CommentsFixture(LocalAws aws) {
        this.aws = aws;
        aws.reset();
        Map<String, String> names = aws.physicalNames();
        this.tables = new DynamoComments.Tables(names.get("ArticlesTable"), names.get("CommentsTable"), names.get("GuardsTable"));
        this.moderation = new Moderation(aws.dynamoDb(), tables, clock);
        configure(ModerationRules.Mode.FIRST_TIME, List.of(), List.of(), 0);
        publish(SLUG, true, clock.instant().minus(Duration.ofDays(2)));
        publish(OTHER_SLUG, true, clock.instant().minus(Duration.ofDays(2)));
    }

    /** Backoff pauses taken by the submissions' retries (after a TransactionConflict). */
    public final java.util.concurrent.atomic.AtomicInteger conflictPauses = new java.util.concurrent.atomic.AtomicInteger();
    private Backoff backoff = countingBackoff(DynamoComments.CONFLICT_BACKOFF);

    /** The submissions retry with this backoff (its pauses are counted in {@link #conflictPauses}). */
    public void retryWith(Backoff backoff) {
        this.backoff = countingBackoff(backoff);
    }

    private Backoff countingBackoff(Backoff backoff) {
        return new Backoff(backoff.attempts(), backoff.base(), backoff.cap(), duration -> {
            conflictPauses.incrementAndGet();
            backoff.sleeper().sleep(duration);
        });
    }

    public void configure(ModerationRules.Mode mode, List<String> moderationWords, List<String> disallowedWords, int closeAfterDays) {
        configure(mode, moderationWords, disallowedWords, closeAfterDays, GENEROUS_LIMITS, null);
    }

    /** The per-client limits and the proof of work (null: off) too. */
    public void configure(ModerationRules.Mode mode, List<String> moderationWords, List<String> disallowedWords, int closeAfterDays,
                          Limits limits, ProofOfWork proofOfWork) {
        DynamoComments store = new DynamoComments(aws.dynamoDb(), tables, backoff);
        CommentService service = new CommentService(store, new Challenges(KEYS, Duration.ofMinutes(10), clock), KEYS,
                new ModerationRules(mode, moderationWords, disallowedWords), closeAfterDays, limits, proofOfWork, clock);
        this.service = service;
        challenges = new CreateChallengeHandler(service, ARTICLE_URL);
        submit = new SubmitCommentHandler(service, ARTICLE_URL);
        list = new ListCommentsHandler(service, "public, max-age=10");
    }

    /** The SnapStart hooks of the three handlers, as Lambda runs them around a snapshot. */
    public void primeAndRestore() {
        for (var handler : List.of(challenges, submit, list)) {
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);
        }
    }

    /** The tag every fixture article has: its list items are "all" and this tag's. */
    public static final String TAG = "world";

    /** As the editor publishes: the article, and its list items mirroring the count and open flag. */
    public void publish(String slug, boolean commentsOpen, Instant publishedAt) {
        List<String> lists = ArticleLists.listsOf(List.of(TAG));
        Map<String, AttributeValue> common = new HashMap<>();
        common.put("headline", AttributeValue.fromS("Headline of " + slug));
        common.put("publishedAt", AttributeValue.fromS(publishedAt.toString()));
        common.put("updatedAt", AttributeValue.fromS(publishedAt.toString()));
        common.put("commentsOpen", AttributeValue.fromBool(commentsOpen));
        common.put("commentCount", AttributeValue.fromN("0"));
        Map<String, AttributeValue> item = new HashMap<>(common);
        item.put("slug", AttributeValue.fromS(slug));
        item.put("status", AttributeValue.fromS("published"));
        item.put("lists", AttributeValue.fromL(lists.stream().map(AttributeValue::fromS).toList()));
        item.put("version", AttributeValue.fromN("1"));
        aws.dynamoDb().putItem(put -> put.tableName(tables.articles()).item(item));
        for (String list : lists) {
            Map<String, AttributeValue> listItem = new HashMap<>(common);
            listItem.put("slug", AttributeValue.fromS(ArticleLists.itemKey(list, slug)));
            listItem.put(ArticleLists.LIST_NAME, AttributeValue.fromS(list));
            aws.dynamoDb().putItem(put -> put.tableName(tables.articles()).item(listItem));
        }
    }

    /**
     * Closes or opens an article's comments as the editor does ({@code broadsheet comments
     * close|open}, the editor's ArticleTable): one versioned write, version + 1.
     */
    public void setCommentsOpen(String slug, boolean open) {
        long version = version(slug);
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        writes.add(TransactWriteItem.builder().update(update -> update.tableName(tables.articles()).key(ArticleSchema.key(slug))
                .updateExpression("SET #open = :open, #version = :next").conditionExpression("#version = :read")
                .expressionAttributeNames(Map.of("#open", ArticleSchema.COMMENTS_OPEN, "#version", ArticleSchema.VERSION))
                .expressionAttributeValues(Map.of(":open", Items.bool(open), ":next", Items.n(version + 1), ":read", Items.n(version)))).build());
        // The list items show the flag too, as the editor writes them.
        for (String key : ArticleLists.itemKeys(slug, List.of(TAG))) {
            writes.add(TransactWriteItem.builder().update(update -> update.tableName(tables.articles()).key(ArticleSchema.key(key))
                    .updateExpression("SET #open = :open")
                    .expressionAttributeNames(Map.of("#open", ArticleSchema.COMMENTS_OPEN))
                    .expressionAttributeValues(Map.of(":open", Items.bool(open)))).build());
        }
        aws.dynamoDb().transactWriteItems(tx -> tx.transactItems(writes));
    }

    /** The article's item, or one of its list items (key {@code <list>/<slug>}). */
    public Map<String, AttributeValue> article(String key) {
        return aws.dynamoDb().getItem(get -> get.tableName(tables.articles()).key(ArticleSchema.key(key)).consistentRead(true)).item();
    }

    public long commentCount(String slug) {
        return Items.number(article(slug), ArticleSchema.COMMENT_COUNT);
    }

    public long version(String slug) {
        return Items.number(article(slug), ArticleSchema.VERSION);
    }

    /** The comment count and open flag of the article and each of its list items: all alike when consistent. */
    public List<String> countersEverywhere(String slug) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(slug),
                        ArticleLists.itemKeys(slug, List.of(TAG)).stream())
                .map(this::article).map(item -> item.get("commentCount").n() + "/" + item.get("commentsOpen").bool())
                .toList();
    }

    /** Items in the comments and guards tables, and the article's count: what a refusal must not change. */
    public List<Long> writtenState() {
        return List.of(count(tables.comments()), count(tables.guards()), commentCount(SLUG));
    }

    public long count(String table) {
        return aws.dynamoDb().scan(scan -> scan.tableName(table).select(Select.COUNT).consistentRead(true)).count();
    }

    public APIGatewayV2HTTPResponse challenge(String slug) {
        return challenge(slug, "203.0.113.1");
    }

    /** A challenge asked for from a given client address. */
    public APIGatewayV2HTTPResponse challenge(String slug, String ip) {
        return kept(CHALLENGES, challenges.handleRequest(event("POST", "/articles/" + slug + "/challenges", slug, null, null, ip, Map.of()), null));
    }

    /** The comment as stored (the status a submission's answer may hide). */
    public Comment stored(String slug, String id) {
        return CommentItems.fromItem(aws.dynamoDb().getItem(get -> get.tableName(tables.comments())
                .key(dev.broadsheet.core.schema.CommentSchema.key(slug, id)).consistentRead(true)).item());
    }

    /** The challenge route as a browser's plain form post asks for it. */
    public APIGatewayV2HTTPResponse challengePage(String slug, String parentId) {
        APIGatewayV2HTTPEvent event = event("POST", "/articles/" + slug + "/challenges", slug, "", "application/x-www-form-urlencoded",
                "203.0.113.1", Map.of("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        if (parentId != null) {
            event.setQueryStringParameters(Map.of("parentId", parentId));
        }
        return kept(CHALLENGES, challenges.handleRequest(event, null));
    }

    /** A fresh challenge's token and password. */
    public JsonNode freshChallenge(String slug) {
        APIGatewayV2HTTPResponse response = challenge(slug);
        if (response.getStatusCode() != 201) {
            throw new AssertionError("challenge: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response);
    }

    /** A valid submission's fields with a fresh challenge; tests change what they check. */
    public Map<String, String> validFields(String author, String email, String content) {
        return fields(freshChallenge(SLUG), author, email, content);
    }

    /** A submission's fields with the given challenge's token and password. */
    public static Map<String, String> fields(JsonNode challenge, String author, String email, String content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("author", author);
        fields.put("email", email);
        fields.put("content", content);
        fields.put("challengeToken", challenge.path("token").asText());
        fields.put("challengePassword", challenge.path("password").asText());
        return fields;
    }

    public APIGatewayV2HTTPResponse submitJson(String slug, Map<String, String> fields, String ip) {
        return submitRaw(slug, Json.write(fields), "application/json", ip);
    }

    public APIGatewayV2HTTPResponse submitForm(String slug, Map<String, String> fields, String ip) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return submitRaw(slug, body.toString(), "application/x-www-form-urlencoded", ip);
    }

    public APIGatewayV2HTTPResponse submitRaw(String slug, String body, String contentType, String ip) {
        return kept("POST " + COMMENTS, submit.handleRequest(event("POST", "/articles/" + slug + "/comments", slug, body, contentType, ip, Map.of()), null));
    }

    public APIGatewayV2HTTPResponse list(String slug, Map<String, String> query, Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = event("GET", "/articles/" + slug + "/comments", slug, null, null, "203.0.113.1", headers);
        event.setQueryStringParameters(query);
        return kept("GET " + COMMENTS, list.handleRequest(event, null));
    }

    private static final String CHALLENGES = "POST /articles/{slug}/challenges";
    private static final String COMMENTS = "/articles/{slug}/comments";
    private static final OpenApiContract CONTRACT = OpenApiContract.ofProject();

    /** Every response the tests receive keeps openapi.yaml's promise (status, type, schema, headers). */
    private static APIGatewayV2HTTPResponse kept(String routeKey, APIGatewayV2HTTPResponse response) {
        CONTRACT.requireKept(routeKey, response.getStatusCode(), response.getHeaders(), response.getBody());
        return response;
    }

    /**
     * Solves an ALTCHA challenge as the widget does (numbers from 0 up until the hash matches) and
     * returns the widget's payload: base64 of {algorithm, challenge, number, salt, signature}.
     */
    public static String solve(JsonNode altcha) {
        String salt = altcha.path("salt").asText();
        String challenge = altcha.path("challenge").asText();
        for (long number = 0; number <= altcha.path("maxnumber").asLong(); number++) {
            if (sha256Hex(salt + number).equals(challenge)) {
                return payload(altcha.path("algorithm").asText(), challenge, Long.toString(number), salt,
                        altcha.path("signature").asText());
            }
        }
        throw new AssertionError("no number up to maxnumber solves " + altcha);
    }

    /** The widget's payload with the given parts; {@code number} is a JSON number when it can be one (no leading zero), else a string. */
    public static String payload(String algorithm, String challenge, String number, String salt, String signature) {
        String numberJson = number.matches("-?(0|[1-9][0-9]*)") ? number : Json.write(number);
        String json = "{\"algorithm\":" + Json.write(algorithm) + ",\"challenge\":" + Json.write(challenge) + ",\"number\":"
                + numberJson + ",\"salt\":" + Json.write(salt) + ",\"signature\":" + Json.write(signature) + ",\"took\":12}";
        return java.util.Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    static APIGatewayV2HTTPEvent event(String method, String path, String slug, String body, String contentType, String ip,
                                      Map<String, String> extraHeaders) {
        return HttpEvents.request(method, path).host("api.example.com").sourceIp(ip)
                .pathParameters(Map.of("slug", slug)).body(contentType, body).headers(extraHeaders).build();
    }
}
