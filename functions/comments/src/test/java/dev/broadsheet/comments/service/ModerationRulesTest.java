package dev.broadsheet.comments.service;

import dev.broadsheet.comments.service.ModerationRules.Decision;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.schema.CommentStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModerationRulesTest {

    @Test
    void wordListsComeFromCommaSeparatedConfigurationAndTheModeDefaultsToFirstTime() {
        ModerationRules rules = ModerationRules.from(new Environment(Map.of(
                "COMMENT_MODERATION_WORDS", " Casino , ,loan", "COMMENT_DISALLOWED_WORDS", "viagra")));
        assertEquals(ModerationRules.Mode.FIRST_TIME, rules.mode());
        assertEquals(List.of("casino", "loan"), rules.moderationWords());
        assertEquals(List.of("viagra"), rules.disallowedWords());
    }

    @Test
    void anUnknownModeFailsAtInitNamingTheVariable() {
        var error = assertThrows(Environment.MissingConfigurationException.class,
                () -> ModerationRules.from(new Environment(Map.of("COMMENT_MODERATION", "some"))));
        assertEquals(true, error.getMessage().contains("COMMENT_MODERATION"));
    }

    @Test
    void wordsMatchInNameEmailWebsiteOrTextAndSpamWinsOverHeld() {
        ModerationRules rules = new ModerationRules(ModerationRules.Mode.NONE, List.of("casino"), List.of("viagra"));
        assertEquals(new Decision(CommentStatus.PENDING, "moderation word \"casino\""),
                rules.decide("Casino Kid", "a@example.com", null, "hi", () -> true));
        assertEquals(CommentStatus.PENDING, rules.decide("A", "a@casino.example", null, "hi", () -> true).status());
        assertEquals(new Decision(CommentStatus.SPAM, "disallowed word \"viagra\""),
                rules.decide("A", "a@example.com", "https://viagra.example", "casino", () -> true));
        assertEquals(new Decision(CommentStatus.APPROVED, null),
                rules.decide("A", "a@example.com", null, "one link https://e.com", () -> false));
        assertEquals(new Decision(CommentStatus.PENDING, "2 links"),
                rules.decide("A", "a@example.com", null, "https://e.com mailto:x@e.com", () -> false));
    }

    @Test
    void theModeDecidesTheRestAndSaysWhyItHeld() {
        assertEquals(new Decision(CommentStatus.PENDING, "every comment is held"),
                new ModerationRules(ModerationRules.Mode.ALL, List.of(), List.of()).decide("A", "a@example.com", null, "hi", () -> true));
        ModerationRules firstTime = new ModerationRules(ModerationRules.Mode.FIRST_TIME, List.of(), List.of());
        assertEquals(new Decision(CommentStatus.PENDING, "first comment from this name and email"),
                firstTime.decide("A", "a@example.com", null, "hi", () -> false));
        assertEquals(new Decision(CommentStatus.APPROVED, null), firstTime.decide("A", "a@example.com", null, "hi", () -> true));
    }
}
