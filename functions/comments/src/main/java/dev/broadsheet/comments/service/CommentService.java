package dev.broadsheet.comments.service;

import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.dao.DynamoComments.Guard;
import dev.broadsheet.comments.dao.DynamoComments.Preconditions;
import dev.broadsheet.comments.dao.DynamoComments.Refused;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.model.ArticleState;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.GuardSchema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Challenges, submissions and lists of comments: every rule of the comment form, in its order. */
public final class CommentService {

    public static final Duration FLOOD_INTERVAL = Duration.ofSeconds(15);
    /**
     * How long the same author, email and text on one article is refused as a duplicate: long
     * enough to stop re-submissions and replays of a form, short enough that the guards table does
     * not grow forever (its TTL deletes expired markers). Trashing the comment frees it at once.
     */
    public static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);
    /** What a 503 asks a client to wait when the article's items stayed busy through every retry. */
    static final String BUSY_RETRY_AFTER_SECONDS = "1";
    public static final int MAX_DEPTH = 5;

    private final DynamoComments store;
    private final Challenges challenges;
    private final Challenges.Keys keys;
    private final ModerationRules rules;
    private final int closeAfterDays;
    private final Clock clock;

    /**
     * @param closeAfterDays comments close this many days after publication; 0 for never
     */
    public CommentService(DynamoComments store, Challenges challenges, Challenges.Keys keys, ModerationRules rules,
                          int closeAfterDays, Clock clock) {
        this.store = store;
        this.challenges = challenges;
        this.keys = keys;
        this.rules = rules;
        this.closeAfterDays = closeAfterDays;
        this.clock = clock;
    }

    /** The result of a submission: the comment as shown (a honeypot's is never stored). */
    public record Outcome(Comment comment) {
    }

    public Challenges.Challenge challenge(String slug) {
        openArticle(slug);
        return challenges.issue(slug);
    }

    public Outcome submit(String slug, Submission submission) {
        openArticle(slug);
        Fields fields = validate(slug, submission);
        Challenges.Verified verified = challenges.verify(slug, submission.challengeToken(), submission.challengePassword());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String emailHash = keys.hash("email", fields.email().toLowerCase(Locale.ROOT));
        String ipHash = keys.hash("ip", submission.sourceIp() == null ? "unknown" : submission.sourceIp());
        Guard nonce = new Guard(GuardSchema.NONCE + verified.nonce(), verified.expiresAt());
        Guard floodIp = new Guard(GuardSchema.FLOOD_IP + ipHash, now.plus(FLOOD_INTERVAL));
        Guard floodEmail = new Guard(GuardSchema.FLOOD_EMAIL + emailHash, now.plus(FLOOD_INTERVAL));
        Guard duplicate = new Guard(GuardSchema.DUPLICATE + keys.hash("duplicate",
                String.join("\u0000", slug, fields.author(), fields.email().toLowerCase(Locale.ROOT), fields.content())),
                now.plus(DUPLICATE_WINDOW));
        String html = fields.html();

        if (submission.honeypot() != null && !submission.honeypot().isBlank()) {
            // Looks accepted; only the challenge is used up, so the same token cannot be replayed.
            claim(slug, () -> store.claimAlone(nonce, now), now);
            refuseIfTaken(floodIp, now);
            refuseIfTaken(floodEmail, now);
            refuseIfTaken(duplicate, now);
            return new Outcome(new Comment(slug, CommentIds.next(now), fields.parentId(), fields.author(), fields.url(),
                    null, null, null, html, CommentStatus.PENDING, fields.depth(), now, null));
        }

        ModerationRules.Decision decision = rules.decide(fields.author(), fields.email(), fields.url(), fields.content(),
                () -> store.hasApprovedComment(emailHash));
        Comment comment = new Comment(slug, CommentIds.next(now), fields.parentId(), fields.author(), fields.url(),
                fields.email(), emailHash, ipHash, html, decision.status(), fields.depth(), now, decision.reason());
        Preconditions checks = new Preconditions(closeAfterDays > 0 ? now.minus(Duration.ofDays(closeAfterDays)) : null,
                fields.parentId(), fields.depth() - 1);
        claim(slug, () -> store.store(comment, List.of(nonce, floodIp, floodEmail, duplicate), checks, now), now);
        return new Outcome(comment);
    }

    /**
     * SnapStart priming of the challenge route: the article read (of an article no one published)
     * and a challenge issued for it — signed, never stored.
     */
    public Challenges.Challenge primeChallenge() {
        store.article(PrimingEvents.MISSING_SLUG);
        return challenges.issue(PrimingEvents.MISSING_SLUG);
    }

    /**
     * SnapStart priming of the submission route: every rule a real submission passes through —
     * the article read, field validation, the challenge check, the hashes, the moderation rules
     * with their approved-email read, the sanitizer on typical HTML — and no write.
     *
     * @return the sanitized content
     */
    public String primeSubmission(String author, String email, String url, String content) {
        store.article(PrimingEvents.MISSING_SLUG);
        Challenges.Challenge challenge = challenges.issue(PrimingEvents.MISSING_SLUG);
        Fields fields = validate(PrimingEvents.MISSING_SLUG, new Submission(author, email, url, content, null,
                challenge.token(), challenge.password(), null, "192.0.2.1"));
        challenges.verify(PrimingEvents.MISSING_SLUG, challenge.token(), challenge.password());
        String emailHash = keys.hash("email", fields.email().toLowerCase(Locale.ROOT));
        keys.hash("ip", "192.0.2.1");
        rules.decide(fields.author(), fields.email(), fields.url(), fields.content(), () -> store.hasApprovedComment(emailHash));
        CommentIds.next(clock.instant());
        return fields.html();
    }

    /** SnapStart priming of the list route: a query of the comments of an article no one published. */
    public void primeList() {
        store.article(PrimingEvents.MISSING_SLUG);
        store.approved(PrimingEvents.MISSING_SLUG, 1, null);
    }

    /**
     * After a SnapStart restore: random generators start from fresh seeds, so that restored copies
     * of one snapshot never issue the same passwords, nonces or comment ids.
     */
    public void restored() {
        if (challenges != null) {
            challenges.renewRandom();
        }
        CommentIds.renewRandom();
    }

    public DynamoComments.Page list(String slug, int limit, String afterId) {
        ArticleState article = store.article(slug).filter(ArticleState::published)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No published article has the slug '" + slug + "'.")));
        return store.approved(article.slug(), limit, afterId);
    }

    private ArticleState openArticle(String slug) {
        return openArticle(slug, false);
    }

    private ArticleState openArticle(String slug, boolean consistent) {
        ArticleState article = store.article(slug, consistent).filter(ArticleState::published)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No published article has the slug '" + slug + "'.")));
        if (!article.commentsOpen()) {
            throw closed("Comments are closed for this article.");
        }
        if (closeAfterDays > 0 && article.publishedAt() != null
                && !clock.instant().isBefore(article.publishedAt().plus(Duration.ofDays(closeAfterDays)))) {
            throw closed("Comments close " + closeAfterDays + " days after publication.");
        }
        return article;
    }

    private static ProblemException closed(String detail) {
        return new ProblemException(Problem.of(403, "comments-closed", "Comments are closed", detail));
    }

    /** Runs a write and turns what its conditions refused into the answer a client gets. */
    private void claim(String slug, Runnable write, Instant now) {
        try {
            write.run();
        } catch (Refused refused) {
            throw switch (refused.refusal()) {
                case GUARD_TAKEN -> refusal(refused.guard(), now);
                case ARTICLE_CLOSED -> {
                    // Closed, unpublished or past its days while this submission ran: say which.
                    openArticle(slug, true);
                    yield closed("Comments on this article closed while you were writing.");
                }
                case PARENT_GONE -> ProblemException.invalid("parentId", "unknown",
                        "You can only reply to a published comment of this article.");
            };
        } catch (DynamoComments.Busy busy) {
            throw new ProblemException(Problem.of(503, "busy", "Try again in a moment",
                    "Many comments are being posted on this article right now; nothing was stored, try again in a moment."),
                    Map.of("Retry-After", BUSY_RETRY_AFTER_SECONDS));
        }
    }

    private void refuseIfTaken(Guard guard, Instant now) {
        if (store.guardTaken(guard.pk(), now)) {
            throw refusal(guard, now);
        }
    }

    private ProblemException refusal(Guard guard, Instant now) {
        String pk = guard.pk();
        if (pk.startsWith(GuardSchema.NONCE)) {
            return Challenges.used();
        }
        if (pk.startsWith(GuardSchema.FLOOD_IP) || pk.startsWith(GuardSchema.FLOOD_EMAIL)) {
            Instant free = store.guardExpiry(pk, now);
            long seconds = free == null ? 1 : Math.max(1, Duration.between(now, free).toSeconds() + 1);
            return new ProblemException(Problem.of(429, "comment-flood", "Too many comments",
                    "You are posting comments too quickly; wait " + seconds + " seconds."),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        return new ProblemException(Problem.of(409, "duplicate-comment", "Duplicate comment",
                "You have already said that."));
    }

    /** The submission's fields, checked: every failing field is reported at once. */
    private record Fields(String author, String email, String url, String content, String html, String parentId, int depth) {
    }

    private Fields validate(String slug, Submission submission) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String author = trim(submission.author());
        String email = trim(submission.email());
        String url = trim(submission.url());
        String content = trim(submission.content());
        String parentId = trim(submission.parentId());
        if (author == null) {
            errors.add(new Problem.FieldError("author", "required", "Please enter your name."));
        } else if (author.length() > SubmissionRules.MAX_AUTHOR) {
            errors.add(new Problem.FieldError("author", "too-long", "Your name may have at most " + SubmissionRules.MAX_AUTHOR + " characters."));
        }
        if (email == null) {
            errors.add(new Problem.FieldError("email", "required", "Please enter your email address."));
        } else if (email.length() > SubmissionRules.MAX_EMAIL) {
            errors.add(new Problem.FieldError("email", "too-long", "Your email address may have at most " + SubmissionRules.MAX_EMAIL + " characters."));
        } else if (SubmissionRules.hasInvisibleCharacter(email)) {
            errors.add(new Problem.FieldError("email", "invalid-character",
                    "Your email address contains an invisible or control character; please type it again."));
        } else if (!SubmissionRules.isEmail(email)) {
            errors.add(new Problem.FieldError("email", "invalid", "Please enter a valid email address."));
        }
        if (url != null) {
            if (url.length() > SubmissionRules.MAX_URL) {
                errors.add(new Problem.FieldError("url", "too-long", "Your website may have at most " + SubmissionRules.MAX_URL + " characters."));
            } else if (!SubmissionRules.isWebUrl(url)) {
                errors.add(new Problem.FieldError("url", "invalid", "Your website must be an http or https address."));
            }
        }
        String html = null;
        if (content == null) {
            errors.add(new Problem.FieldError("content", "required", "Please type your comment."));
        } else if (content.length() > SubmissionRules.MAX_CONTENT) {
            errors.add(new Problem.FieldError("content", "too-long", "A comment may have at most " + SubmissionRules.MAX_CONTENT + " characters."));
        } else {
            html = CommentHtml.sanitize(content);
            if (CommentHtml.isEmpty(html)) {
                errors.add(new Problem.FieldError("content", "empty-after-sanitizing",
                        "Nothing is left of your comment after removing HTML that is not allowed; please type some text."));
            }
        }
        for (String[] field : new String[][] {{"author", author}, {"url", url}, {"content", content}, {"parentId", parentId}}) {
            if (field[1] != null && SubmissionRules.hasUnpairedSurrogate(field[1])) {
                errors.add(new Problem.FieldError(field[0], "invalid-character", "The field " + field[0] + " is not valid text."));
            }
        }
        int depth = 1;
        if (parentId != null) {
            Comment parent = CommentIds.isId(parentId) ? store.comment(slug, parentId).orElse(null) : null;
            if (parent == null || parent.status() != CommentStatus.APPROVED) {
                errors.add(new Problem.FieldError("parentId", "unknown", "You can only reply to a published comment of this article."));
            } else if (parent.depth() >= MAX_DEPTH) {
                errors.add(new Problem.FieldError("parentId", "too-deep", "Replies nest at most " + MAX_DEPTH + " levels deep."));
            } else {
                depth = parent.depth() + 1;
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidRequest(errors));
        }
        return new Fields(author, email, url, content, html, parentId, depth);
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
