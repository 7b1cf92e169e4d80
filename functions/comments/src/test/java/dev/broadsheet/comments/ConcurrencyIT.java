package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.service.ModerationRules.Mode;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 20 comments at once, then 20 approvals at once, on one article: every one stored once, the count
 * exact. Each transaction checks or counts the article, so they conflict (TransactionConflict, as
 * in DynamoDB) and retry with backoff; one that still loses is answered 503 with Retry-After (or,
 * for moderation, CONFLICT) with nothing written, and is sent again, as a client or editor would.
 */
@ExtendWith(EmulatorsExtension.class)
class ConcurrencyIT {

    private static final int READERS = 20;

    @Test
    void twentyConcurrentCommentsAreAllStoredOnceAndTheirApprovalsCountExactly(LocalAws aws) throws Exception {
        CommentsFixture fixture = new CommentsFixture(aws);
        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
        List<Map<String, String>> submissions = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            submissions.add(fixture.validFields("Reader " + i, "reader" + i + "@example.com", "Comment number " + i));
        }
        AtomicInteger busy = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<APIGatewayV2HTTPResponse>> posts = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Map<String, String> fields = submissions.get(i);
                String ip = "198.51.100." + (i + 1);
                posts.add(() -> {
                    start.await();
                    APIGatewayV2HTTPResponse response;
                    while ((response = fixture.submitJson(SLUG, fields, ip)).getStatusCode() == 503) {
                        busy.incrementAndGet();
                        Thread.sleep(Long.parseLong(response.getHeaders().get("Retry-After")) * 100);
                    }
                    return response;
                });
            }
            List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
            posts.forEach(post -> answers.add(pool.submit(post)));
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<APIGatewayV2HTTPResponse> answer : answers) {
                APIGatewayV2HTTPResponse response = answer.get();
                assertEquals(201, response.getStatusCode(), response.getBody());
                ids.add(json(response).path("id").asText());
            }
            assertEquals(READERS, ids.size());
            assertEquals(READERS, fixture.count(fixture.tables.comments()), "each stored once");

            List<Moderation.PendingComment> pending = fixture.moderation.pending(SLUG);
            assertEquals(READERS, pending.size());
            CountDownLatch approveTogether = new CountDownLatch(1);
            List<Callable<Moderation.Result>> approvals = new ArrayList<>();
            for (Moderation.PendingComment comment : pending) {
                approvals.add(() -> {
                    approveTogether.await();
                    Moderation.Result result;
                    while ((result = fixture.moderation.approve(comment.moderationId())) == Moderation.Result.CONFLICT) {
                        busy.incrementAndGet();
                    }
                    return result;
                });
            }
            List<Future<Moderation.Result>> results = new ArrayList<>();
            approvals.forEach(approval -> results.add(pool.submit(approval)));
            approveTogether.countDown();
            for (Future<Moderation.Result> result : results) {
                assertEquals(Moderation.Result.CHANGED, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("[ConcurrencyIT] " + READERS + " submissions and approvals at once: " + busy
                + " answered busy after the retries, sent again");
        assertEquals(READERS, fixture.commentCount(SLUG));
        assertEquals(READERS, json(fixture.list(SLUG, Map.of("limit", "100"), Map.of())).path("items").size());
    }
}
