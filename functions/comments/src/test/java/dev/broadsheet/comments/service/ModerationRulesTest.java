package dev.broadsheet.comments.service;

import dev.broadsheet.comments.model.CommentStatus;
import dev.broadsheet.core.Environment;
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
        assertEquals(CommentStatus.PENDING, rules.decide("Casino Kid", "a@example.com", null, "hi", () -> true));
        assertEquals(CommentStatus.PENDING, rules.decide("A", "a@casino.example", null, "hi", () -> true));
        assertEquals(CommentStatus.SPAM, rules.decide("A", "a@example.com", "https://viagra.example", "casino", () -> true));
        assertEquals(CommentStatus.APPROVED, rules.decide("A", "a@example.com", null, "one link https://e.com", () -> false));
        assertEquals(CommentStatus.PENDING, rules.decide("A", "a@example.com", null, "https://e.com mailto:x@e.com", () -> false));
    }
}
