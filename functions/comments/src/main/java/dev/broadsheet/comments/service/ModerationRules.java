package dev.broadsheet.comments.service;

import dev.broadsheet.core.Environment;
import dev.broadsheet.core.schema.CommentStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which status a new comment gets, WordPress-style: a disallowed word makes it spam; a moderation
 * word or 2 or more links hold it; otherwise {@code mode} decides ({@code all} holds every comment,
 * {@code first-time} approves an author whose name and email together already have an approved
 * comment, as WordPress does; {@code none} approves).
 * Words match case-insensitively anywhere in the name, email, website or text.
 */
public record ModerationRules(Mode mode, List<String> moderationWords, List<String> disallowedWords) {

    static final int MAX_LINKS = 1;
    private static final Pattern LINK = Pattern.compile("(?i)https?://|mailto:");

    public enum Mode {
        ALL, FIRST_TIME, NONE;

        static Mode of(String value) {
            return switch (value) {
                case "all" -> ALL;
                case "first-time" -> FIRST_TIME;
                case "none" -> NONE;
                default -> throw new Environment.MissingConfigurationException(
                        "COMMENT_MODERATION must be all, first-time or none, got " + value);
            };
        }
    }

    public static ModerationRules from(Environment env) {
        return new ModerationRules(Mode.of(env.optional("COMMENT_MODERATION", "first-time")),
                words(env.optional("COMMENT_MODERATION_WORDS")), words(env.optional("COMMENT_DISALLOWED_WORDS")));
    }

    static List<String> words(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(word -> word.strip().toLowerCase(Locale.ROOT)).filter(word -> !word.isEmpty()).toList();
    }

    /**
     * A new comment's status and, unless approved, why: for the editor's moderation queue, never
     * for the commenter (it would tell a spammer which word to avoid).
     */
    public record Decision(CommentStatus status, String reason) {
    }

    /**
     * @param knownAuthor whether this name with this email already has an approved comment, not withdrawn
     *                    by a later spam decision (asked only in first-time mode)
     */
    public Decision decide(String author, String email, String url, String content, java.util.function.BooleanSupplier knownAuthor) {
        String all = String.join("\n", author, email, url == null ? "" : url, content).toLowerCase(Locale.ROOT);
        Optional<String> disallowed = disallowedWords.stream().filter(all::contains).findFirst();
        if (disallowed.isPresent()) {
            return new Decision(CommentStatus.SPAM, "disallowed word \"" + disallowed.get() + "\"");
        }
        int links = links(content);
        if (links > MAX_LINKS) {
            return new Decision(CommentStatus.PENDING, links + " links");
        }
        Optional<String> held = moderationWords.stream().filter(all::contains).findFirst();
        if (held.isPresent()) {
            return new Decision(CommentStatus.PENDING, "moderation word \"" + held.get() + "\"");
        }
        return switch (mode) {
            case ALL -> new Decision(CommentStatus.PENDING, "every comment is held");
            case NONE -> new Decision(CommentStatus.APPROVED, null);
            case FIRST_TIME -> knownAuthor.getAsBoolean() ? new Decision(CommentStatus.APPROVED, null)
                    : new Decision(CommentStatus.PENDING, "first comment from this name and email");
        };
    }

    static int links(String content) {
        Matcher matcher = LINK.matcher(content);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
