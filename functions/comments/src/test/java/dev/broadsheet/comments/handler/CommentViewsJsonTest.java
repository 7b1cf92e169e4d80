package dev.broadsheet.comments.handler;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.broadsheet.comments.challenge.ProofOfWork;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.JsonWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The comment views write themselves (no databind on the read path) exactly as Jackson would write them. */
class CommentViewsJsonTest {

    @Test
    void commentsListsSubmissionsAndChallengesAreWrittenAsJacksonWritesThem() throws Exception {
        var view = new CommentViews.CommentView("01J0000000AAAAAAAAAAAAAAAA", null, new CommentViews.Author("Ann \"A\"", null),
                "<p>Hi <a href=\"https://e.com/\" rel=\"nofollow ugc\">there</a>\n</p>", "2026-03-01T10:00:00.123Z");
        var reply = new CommentViews.CommentView("01J0000000BBBBBBBBBBBBBBBB", view.id(),
                new CommentViews.Author("Bo", "https://bo.example/"), "é \\ \u0001", "2026-03-01T10:00:01Z");
        for (Object value : List.of(new CommentViews.CommentList(List.of(view, reply), "cursor"),
                new CommentViews.CommentList(List.of(), null),
                new CommentViews.SubmittedView("id", null, view.author(), "x", "2026-03-01T10:00:00Z", "pending"))) {
            assertEquals(Json.MAPPER.writeValueAsString(value), JsonWriter.write((dev.broadsheet.core.JsonWritable) value));
        }
    }

    /** {@code altcha} is there only when the proof of work is on: as Jackson writes without nulls. */
    @Test
    void challengesAreWrittenAsJacksonWritesThemWithoutNulls() throws Exception {
        var withoutNulls = Json.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        var altcha = new ProofOfWork.Challenge("SHA-256", "ab".repeat(32), 100_000, "0f".repeat(16) + "?expires=1772359800&", "cd".repeat(32));
        for (var value : List.of(new CreateChallengeHandler.ChallengeView("abc2345", "t.s", "2026-03-01T10:10:00Z", CommentHtml.ALLOWED_TAGS, null),
                new CreateChallengeHandler.ChallengeView("abc2345", "t.s", "2026-03-01T10:10:00Z", CommentHtml.ALLOWED_TAGS, altcha))) {
            assertEquals(withoutNulls.writeValueAsString(value), JsonWriter.write(value));
        }
    }
}
