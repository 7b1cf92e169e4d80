package dev.broadsheet.bench.readunits;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.ReadingTime;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.schema.ArticleSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * A generated newsroom archive: article {@code n} (0 the newest, ten minutes apart) of about 6 KB
 * — a headline, a summary, six paragraphs, a hero image, a byline — with two of 20 common tags, and
 * the rare tag on exactly {@link #RARE_COUNT} articles spread over the first thousand. Stored as the
 * editor stores a published article (its item and its list items, the same {@link ArticleItems}
 * mapping), by batch writes: the point is the archive, not the publish path.
 */
final class Archive {

    static final int COMMON_TAGS = 20;
    static final String RARE_TAG = "rare-find";
    static final int RARE_COUNT = 10;
    static final Instant NEWEST = Instant.parse("2026-11-01T08:00:00Z");

    private static final String[] WORDS = ("council bridge river vote budget city harbour festival crowd market school "
            + "teacher hospital doctor patient election minister policy report inquiry storm flood weather season "
            + "team match goal league coach player court judge ruling police officer street traffic railway station "
            + "museum gallery artist concert theatre review science research study energy climate water farm").split(" ");

    private Archive() {
    }

    static String slug(int n) {
        return "archive-story-" + String.format("%06d", n);
    }

    static String commonTag(int i) {
        return "topic-" + i;
    }

    /** The articles that carry the rare tag: ten, spread over the first thousand. */
    static boolean isRare(int n) {
        return n < 1_000 && n % 100 == 42;
    }

    static Article article(int n) {
        Random random = new Random(n);
        Instant publishedAt = NEWEST.minus(Duration.ofMinutes(10L * n));
        List<Tag> tags = new ArrayList<>(List.of(Tag.of(commonTag(n % COMMON_TAGS)),
                Tag.of(commonTag((n * 7 + 3) % COMMON_TAGS == n % COMMON_TAGS ? (n + 1) % COMMON_TAGS : (n * 7 + 3) % COMMON_TAGS))));
        if (isRare(n)) {
            tags.add(new Tag(RARE_TAG, "Rare find"));
        }
        List<Block> body = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            body.add(Block.paragraph(sentence(random, 115)));
        }
        String slug = slug(n);
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        Image hero = new Image("images/" + slug + "/" + HexFormat.of().formatHex(hash) + ".jpg", sentence(random, 7),
                sentence(random, 14), "Staff photographer", 1600, 900, "image/jpeg");
        return new Article(slug, capitalised(sentence(random, 9)), sentence(random, 30), ArticleSchema.PUBLISHED, publishedAt,
                publishedAt, publishedAt, tags, List.of(new Author("Reporter " + (n % 30), "reporter-" + (n % 30))), hero, body,
                ReadingTime.minutes(body), true, 0, 1);
    }

    /** Stores articles {@code from} (inclusive) to {@code to} (exclusive), a few batch writers at once. */
    static void load(DynamoDbClient dynamoDb, String table, int from, int to) throws Exception {
        int chunk = 500;
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int start = from; start < to; start += chunk) {
                int first = start;
                int last = Math.min(to, start + chunk);
                done.add(writers.submit(() -> write(dynamoDb, table, IntStream.range(first, last)
                        .mapToObj(Archive::article).flatMap(article -> items(article).stream()).toList())));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    static List<Map<String, AttributeValue>> items(Article article) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(ArticleItems.toItem(article));
        items.addAll(ArticleItems.toListItems(article));
        return items;
    }

    /** BatchWriteItem, 25 items a call, unprocessed items sent again. */
    static void write(DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> batch = items.subList(i, Math.min(items.size(), i + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(write -> write.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
