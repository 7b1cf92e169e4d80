package dev.broadsheet.comments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.moderation.Moderation.Result;
import dev.broadsheet.comments.service.ModerationRules.Mode;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.broadsheet.comments.CommentsFixture.OTHER_SLUG;
import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.TAG;
import static dev.broadsheet.comments.CommentsFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's moderation operations against dynalite. */
@ExtendWith(EmulatorsExtension.class)
class ModerationIT {

    private CommentsFixture fixture;

    @BeforeEach
    void setUp(LocalAws aws) {
        fixture = new CommentsFixture(aws);
        fixture.configure(Mode.ALL, List.of(), List.of(), 0);
    }

    @Test
    void pendingListsTheQueueOldestFirstWithTheEmailForTheEditor() {
        String first = submit(SLUG, "Ann", "ann@example.com", "198.51.100.1");
        fixture.clock.advance(Duration.ofSeconds(1));
        String second = submit(SLUG, "Bob", "bob@example.com", "198.51.100.2");
        fixture.clock.advance(Duration.ofSeconds(1));
        String other = submit(OTHER_SLUG, "Cy", "cy@example.com", "198.51.100.3");

        List<Moderation.PendingComment> all = fixture.moderation.pending(null);
        assertEquals(List.of(SLUG + "/" + first, SLUG + "/" + second, OTHER_SLUG + "/" + other),
                all.stream().map(Moderation.PendingComment::moderationId).toList());
        assertEquals("ann@example.com", all.get(0).email());
        assertEquals("every comment is held", all.get(0).heldBecause());
        assertEquals(List.of(OTHER_SLUG + "/" + other),
                fixture.moderation.pending(OTHER_SLUG).stream().map(Moderation.PendingComment::moderationId).toList());
    }

    @Test
    void approvingShowsTheCommentAndCountsItOnceSpamAndTrashUncountIt() {
        String id = SLUG + "/" + submit(SLUG, "Ann", "ann@example.com", "198.51.100.1");
        assertEquals(0, listed());

        assertEquals(Result.CHANGED, fixture.moderation.approve(id));
        assertEquals(Result.UNCHANGED, fixture.moderation.approve(id));
        assertEquals(1, fixture.commentCount(SLUG));
        assertEquals(1, listed());
        assertTrue(fixture.moderation.pending(SLUG).isEmpty());

        assertEquals(Result.CHANGED, fixture.moderation.spam(id));
        assertEquals(0, fixture.commentCount(SLUG));
        assertEquals(0, listed());
        assertEquals(Result.CHANGED, fixture.moderation.trash(id));
        assertEquals(0, fixture.commentCount(SLUG), "spam → trash does not count down twice");
        assertEquals(Result.CHANGED, fixture.moderation.approve(id));
        assertEquals(1, fixture.commentCount(SLUG));
    }

    @Test
    void theArticlesListItemsCountAndCloseWithIt() {
        String id = SLUG + "/" + submit(SLUG, "Ann", "ann@example.com", "198.51.100.1");

        fixture.moderation.approve(id);
        assertEquals(List.of("1/true", "1/true", "1/true"), fixture.countersEverywhere(SLUG));
        fixture.setCommentsOpen(SLUG, false);
        assertEquals(List.of("1/false", "1/false", "1/false"), fixture.countersEverywhere(SLUG));
        fixture.moderation.trash(id);
        assertEquals(List.of("0/false", "0/false", "0/false"), fixture.countersEverywhere(SLUG));
    }

    @Test
    void anApprovalAfterAnEditorReTaggedTheArticleCountsItsNewListItemToo() {
        // What the editor's publish leaves: version + 1, a list item more (tag "sport"), in the article's lists.
        Map<String, AttributeValue> sport = new HashMap<>(fixture.article(ArticleLists.itemKey(ArticleLists.tag(TAG), SLUG)));
        sport.put("slug", AttributeValue.fromS(ArticleLists.itemKey(ArticleLists.tag("sport"), SLUG)));
        sport.put(ArticleLists.LIST_NAME, AttributeValue.fromS(ArticleLists.tag("sport")));
        fixture.aws.dynamoDb().putItem(put -> put.tableName(fixture.tables.articles()).item(sport));
        fixture.aws.dynamoDb().updateItem(u -> u.tableName(fixture.tables.articles())
                .key(Map.of("slug", AttributeValue.fromS(SLUG)))
                .updateExpression("SET #v = :two, lists = list_append(lists, :sport)")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"),
                        ":sport", AttributeValue.fromL(List.of(AttributeValue.fromS(ArticleLists.tag("sport")))))));

        fixture.moderation.approve(SLUG + "/" + submit(SLUG, "Ann", "ann@example.com", "198.51.100.1"));

        assertEquals("1", fixture.article(ArticleLists.itemKey(ArticleLists.tag("sport"), SLUG)).get("commentCount").n());
        assertEquals(List.of("1/true", "1/true", "1/true"), fixture.countersEverywhere(SLUG));
    }

    @Test
    void aRemovedParentStaysAsAPlaceholderWhileItHasApprovedReplies() {
        String parent = submit(SLUG, "Ann", "ann@example.com", "198.51.100.1");
        fixture.moderation.approve(SLUG + "/" + parent);
        fixture.clock.advance(Duration.ofSeconds(20));
        String reply = submit(SLUG, "Bob", "bob@example.com", "198.51.100.2", parent);
        fixture.moderation.approve(SLUG + "/" + reply);

        fixture.moderation.trash(SLUG + "/" + parent);

        JsonNode items = json(fixture.list(SLUG, Map.of(), Map.of())).path("items");
        assertEquals(2, items.size(), items.toString());
        assertEquals("{\"id\":\"" + parent + "\",\"removed\":true}", items.get(0).toString(),
                "nothing of what it said, nor who said it");
        assertEquals(parent, items.get(1).path("parentId").asText());
        assertEquals("Text of Bob", items.get(1).path("contentHtml").asText());
        assertEquals(1, fixture.commentCount(SLUG), "a placeholder is no comment");

        fixture.moderation.spam(SLUG + "/" + reply);
        assertEquals(0, listed(), "with its last reply gone, the placeholder goes too");

        fixture.moderation.approve(SLUG + "/" + reply);
        items = json(fixture.list(SLUG, Map.of(), Map.of())).path("items");
        assertEquals(List.of(true, false), List.of(items.get(0).path("removed").asBoolean(), items.get(1).path("removed").asBoolean()),
                "a reply approved under a removed parent brings the placeholder back");
    }

    @Test
    void theListReadsOnlyListedCommentsNeverThePendingBetweenThem() {
        String first = submit(SLUG, "Ann", "ann@example.com", "198.51.100.1");
        fixture.moderation.approve(SLUG + "/" + first);
        for (int i = 0; i < 12; i++) {
            fixture.clock.advance(Duration.ofSeconds(20));
            submit(SLUG, "Spammer", "spam" + i + "@example.com", "198.51.100." + (10 + i));
        }
        fixture.clock.advance(Duration.ofSeconds(20));
        String last = submit(SLUG, "Bob", "bob@example.com", "198.51.100.2");
        fixture.moderation.approve(SLUG + "/" + last);

        var page = fixture.service.list(SLUG, 1, null);
        var rest = fixture.service.list(SLUG, 1, page.lastId());

        assertEquals(List.of(first), page.comments().stream().map(c -> c.id()).toList());
        assertEquals(List.of(last), rest.comments().stream().map(c -> c.id()).toList());
        assertNull(rest.lastId(), "the last page says so: no empty page after it");
        // The index the list reads holds the two approved comments and none of the twelve pending ones.
        assertEquals(2, fixture.aws.dynamoDb().query(q -> q.tableName(fixture.tables.comments())
                .indexName(CommentSchema.LISTED_INDEX).keyConditionExpression("listedIn = :slug")
                .expressionAttributeValues(Map.of(":slug", AttributeValue.fromS(SLUG)))).count());
    }

    @Test
    void approvedCommentsStoredBeforeTheListedIndexAreListedOnceByReindex() {
        String id = submit(SLUG, "Ann", "ann@example.com", "198.51.100.1");
        fixture.moderation.approve(SLUG + "/" + id);
        fixture.aws.dynamoDb().updateItem(u -> u.tableName(fixture.tables.comments())
                .key(CommentSchema.key(SLUG, id)).updateExpression("REMOVE listedIn"));
        assertEquals(0, listed(), "as stored before the index: not in the list");

        assertEquals(1, fixture.moderation.listApprovedComments());
        assertEquals(0, fixture.moderation.listApprovedComments(), "nothing left to do");
        assertEquals(1, listed());
    }

    @Test
    void unknownAndMalformedIdsAreReported() {
        assertEquals(Result.NOT_FOUND, fixture.moderation.approve(SLUG + "/01HZZZZZZZZZZZZZZZZZZZZZZZ"));
        assertThrows(IllegalArgumentException.class, () -> fixture.moderation.approve("no-slash"));
        assertThrows(IllegalArgumentException.class, () -> fixture.moderation.trash(SLUG + "/not-an-id"));
    }

    private String submit(String slug, String author, String email, String ip) {
        return submit(slug, author, email, ip, null);
    }

    private String submit(String slug, String author, String email, String ip, String parentId) {
        var challenge = fixture.freshChallenge(slug);
        Map<String, String> fields = new HashMap<>(Map.of("author", author, "email", email, "content", "Text of " + author,
                "challengeToken", challenge.path("token").asText(), "challengePassword", challenge.path("password").asText()));
        if (parentId != null) {
            fields.put("parentId", parentId);
        }
        var response = fixture.submitJson(slug, fields, ip);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response).path("id").asText();
    }

    private int listed() {
        return json(fixture.list(SLUG, Map.of(), Map.of())).path("items").size();
    }
}
