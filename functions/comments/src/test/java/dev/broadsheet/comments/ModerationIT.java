package dev.broadsheet.comments;

import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.moderation.Moderation.Result;
import dev.broadsheet.comments.service.ModerationRules.Mode;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.broadsheet.comments.CommentsFixture.OTHER_SLUG;
import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void unknownAndMalformedIdsAreReported() {
        assertEquals(Result.NOT_FOUND, fixture.moderation.approve(SLUG + "/01HZZZZZZZZZZZZZZZZZZZZZZZ"));
        assertThrows(IllegalArgumentException.class, () -> fixture.moderation.approve("no-slash"));
        assertThrows(IllegalArgumentException.class, () -> fixture.moderation.trash(SLUG + "/not-an-id"));
    }

    private String submit(String slug, String author, String email, String ip) {
        var challenge = fixture.freshChallenge(slug);
        var response = fixture.submitJson(slug, Map.of("author", author, "email", email, "content", "Text of " + author,
                "challengeToken", challenge.path("token").asText(), "challengePassword", challenge.path("password").asText()), ip);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response).path("id").asText();
    }

    private int listed() {
        return json(fixture.list(SLUG, Map.of(), Map.of())).path("items").size();
    }
}
