package dev.broadsheet.comments.service;

import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.challenge.ProofOfWork;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.dao.DynamoComments.Guard;
import dev.broadsheet.comments.dao.DynamoComments.Preconditions;
import dev.broadsheet.comments.dao.DynamoComments.Refused;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.model.ArticleState;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.comments.model.Emails;
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
import java.util.Map;

/** Challenges, submissions and lists of comments: every rule of the comment form, in its order. */
public final class CommentService {

    public static final int MAX_DEPTH = 5;
    /**
     * How long the same email and text on one article is refused as a duplicate: long enough to
     * stop re-submissions and replays of a form, short enough that the guards table does not grow
     * forever (its TTL deletes expired markers). Trashing the comment frees it at once.
     */
    public static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);
    /** What a 503 asks a client to wait when the article's items stayed busy through every retry. */
    static final String BUSY_RETRY_AFTER_SECONDS = "1";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private final DynamoComments store;
    private final Challenges challenges;
    private final Challenges.Keys keys;
    private final ModerationRules rules;
    private final int closeAfterDays;
    private final Limits limits;
    /** Null when the proof of work is off. */
    private final ProofOfWork proofOfWork;
    private final Clock clock;

    /** With the default limits and no proof of work. */
    public CommentService(DynamoComments store, Challenges challenges, Challenges.Keys keys, ModerationRules rules,
                          int closeAfterDays, Clock clock) {
        this(store, challenges, keys, rules, closeAfterDays, Limits.DEFAULTS, null, clock);
    }

    /**
     * @param closeAfterDays comments close this many days after publication; 0 for never
     * @param proofOfWork    null when submissions need no proof of work
     */
    public CommentService(DynamoComments store, Challenges challenges, Challenges.Keys keys, ModerationRules rules,
                          int closeAfterDays, Limits limits, ProofOfWork proofOfWork, Clock clock) {
        this.store = store;
        this.challenges = challenges;
        this.keys = keys;
        this.rules = rules;
        this.closeAfterDays = closeAfterDays;
        this.limits = limits;
        this.proofOfWork = proofOfWork;
        this.clock = clock;
    }

    /** The result of a submission: the comment as stored; {@code dropped} when the honeypot was filled (never stored). */
    public record Outcome(Comment comment, boolean dropped) {
    }

    /** A challenge: the password to copy, and the proof of work to solve when it is on (else null). */
    public record Issued(Challenges.Challenge password, ProofOfWork.Challenge proofOfWork) {
    }

    /** A challenge, counted against the client address's limit a minute (429 beyond it). */
    public Issued challenge(String slug, String sourceIp) {
        openArticle(slug);
        Instant now = clock.instant();
        Guard counter = Guard.counter(GuardSchema.RATE_CHALLENGES_IP + ipHash(sourceIp) + "#" + windowStart(now, MINUTE),
                windowEnd(now, MINUTE), limits.challengesPerMinute());
        try {
            store.count(counter);
        } catch (Refused taken) {
            throw tooMany("too-many-challenges", "Too many challenges",
                    "This address has asked for " + limits.challengesPerMinute() + " challenges this minute", counter, now);
        }
        return issue(slug);
    }

    public Outcome submit(String slug, Submission submission) {
        ArticleState article = openArticle(slug);
        Fields fields = validate(slug, submission);
        Challenges.Verified verified = challenges.verify(slug, submission.challengeToken(), submission.challengePassword());
        ProofOfWork.Solved solved = proofOfWork == null ? null : proofOfWork.verify(submission.proofOfWork());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String email = Emails.forKeys(fields.email());
        String emailHash = keys.hash("email", email);
        String authorHash = keys.hash("author", List.of(Emails.nameForKeys(fields.author()), email));
        String ipHash = ipHash(submission.sourceIp());
        List<Guard> guards = new ArrayList<>();
        guards.add(new Guard(GuardSchema.NONCE + verified.nonce(), verified.expiresAt()));
        if (solved != null) {
            guards.add(new Guard(GuardSchema.PROOF_OF_WORK_NONCE + solved.nonce(), solved.expiresAt()));
        }
        if (!limits.floodInterval().isZero()) {
            guards.add(new Guard(GuardSchema.FLOOD_IP + ipHash, now.plus(limits.floodInterval())));
            guards.add(new Guard(GuardSchema.FLOOD_EMAIL + emailHash, now.plus(limits.floodInterval())));
        }
        String hour = "#" + windowStart(now, HOUR);
        guards.add(Guard.counter(GuardSchema.RATE_COMMENTS_IP + ipHash + hour, windowEnd(now, HOUR), limits.commentsPerHour()));
        guards.add(Guard.counter(GuardSchema.RATE_COMMENTS_EMAIL + emailHash + hour, windowEnd(now, HOUR), limits.commentsPerHour()));
        guards.add(new Guard(GuardSchema.DUPLICATE + keys.hash("duplicate", List.of(slug, email, fields.content())),
                now.plus(DUPLICATE_WINDOW)));
        String html = fields.html();

        if (submission.honeypot() != null && !submission.honeypot().isBlank()) {
            // Looks accepted; only the challenge (and the proof of work) is used up, so neither can be replayed.
            for (Guard guard : guards) {
                if (guard.pk().startsWith(GuardSchema.NONCE) || guard.pk().startsWith(GuardSchema.PROOF_OF_WORK_NONCE)) {
                    claim(slug, () -> store.claimAlone(guard, now), now);
                } else if (!guard.isCounter()) {
                    refuseIfTaken(guard, now);
                }
            }
            return new Outcome(new Comment(slug, CommentIds.next(now), fields.parentId(), fields.author(), fields.url(),
                    null, null, null, null, html, CommentStatus.PENDING, fields.depth(), now, null), true);
        }

        DynamoComments.Standing standing = store.standing(authorHash, emailHash, email, ipHash);
        ModerationRules.Decision decision = standing.bannedEmail() || standing.bannedAddress()
                ? new ModerationRules.Decision(CommentStatus.SPAM, standing.bannedEmail() ? "banned email" : "banned address")
                : rules.decide(fields.author(), fields.email(), fields.url(), fields.content(), standing::knownAuthor);
        Comment comment = new Comment(slug, CommentIds.next(now), fields.parentId(), fields.author(), fields.url(),
                fields.email(), emailHash, authorHash, ipHash, html, decision.status(), fields.depth(), now, decision.reason(),
                submission.notifyReplies() && decision.status() != CommentStatus.SPAM);
        Preconditions checks = new Preconditions(closeAfterDays > 0 ? now.minus(Duration.ofDays(closeAfterDays)) : null,
                fields.parentId(), fields.depth() - 1);
        claim(slug, () -> store.store(comment, article, guards, checks, now), now);
        return new Outcome(comment, false);
    }

    private Issued issue(String slug) {
        return new Issued(challenges.issue(slug), proofOfWork == null ? null : proofOfWork.issue());
    }

    private String ipHash(String sourceIp) {
        return keys.hash("ip", sourceIp == null ? "unknown" : sourceIp);
    }

    private static long windowStart(Instant now, Duration window) {
        return now.getEpochSecond() / window.toSeconds() * window.toSeconds();
    }

    private static Instant windowEnd(Instant now, Duration window) {
        return Instant.ofEpochSecond(windowStart(now, window) + window.toSeconds());
    }

    /**
     * SnapStart priming of the challenge route: the article read (of an article no one published)
     * and a challenge issued for it — signed, never stored, not counted.
     */
    public Issued primeChallenge() {
        store.article(PrimingEvents.MISSING_SLUG, clock.instant());
        return issue(PrimingEvents.MISSING_SLUG);
    }

    /**
     * SnapStart priming of the submission route: every rule a real submission passes through —
     * the article read, field validation, the challenge and proof-of-work checks, the keys and
     * hashes, the standing read, the moderation rules, the sanitizer on typical HTML — and no write.
     *
     * @return the sanitized content
     */
    public String primeSubmission(String author, String email, String url, String content) {
        store.article(PrimingEvents.MISSING_SLUG, clock.instant());
        Issued issued = issue(PrimingEvents.MISSING_SLUG);
        Fields fields = validate(PrimingEvents.MISSING_SLUG, new Submission(author, email, url, content, null,
                issued.password().token(), issued.password().password(), null, null, "192.0.2.1"));
        challenges.verify(PrimingEvents.MISSING_SLUG, issued.password().token(), issued.password().password());
        if (proofOfWork != null) {
            try {
                proofOfWork.verify(PrimingEvents.MISSING_SLUG);
            } catch (ProblemException expected) {
                // Not base64 of a solution: the refusal path is primed; solving one here would take the reader's time.
            }
        }
        String key = Emails.forKeys(fields.email());
        String emailHash = keys.hash("email", key);
        String authorHash = keys.hash("author", List.of(Emails.nameForKeys(fields.author()), key));
        DynamoComments.Standing standing = store.standing(authorHash, emailHash, key, ipHash("192.0.2.1"));
        keys.hash("duplicate", List.of(PrimingEvents.MISSING_SLUG, key, fields.content()));
        rules.decide(fields.author(), fields.email(), fields.url(), fields.content(), standing::knownAuthor);
        CommentIds.next(clock.instant());
        return fields.html();
    }

    /** SnapStart priming of the list route: a query of the comments of an article no one published. */
    public void primeList() {
        store.article(PrimingEvents.MISSING_SLUG, clock.instant());
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
        if (proofOfWork != null) {
            proofOfWork.renewRandom();
        }
        CommentIds.renewRandom();
    }

    public DynamoComments.Page list(String slug, int limit, String afterId) {
        return store.approved(publishedArticle(slug).slug(), limit, afterId);
    }

    /** The comments feed: the article (published now, else 404) and its newest approved comments, newest first. */
    public Latest latest(String slug, int limit) {
        ArticleState article = publishedArticle(slug);
        return new Latest(article, store.latestApproved(article.slug(), limit));
    }

    public record Latest(ArticleState article, List<Comment> comments) {
    }

    private ArticleState publishedArticle(String slug) {
        return store.article(slug, clock.instant()).filter(ArticleState::published)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No published article has the slug '" + slug + "'.")));
    }

    private ArticleState openArticle(String slug) {
        return openArticle(slug, false);
    }

    private ArticleState openArticle(String slug, boolean consistent) {
        ArticleState article = store.article(slug, clock.instant(), consistent).filter(ArticleState::published)
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
        if (pk.startsWith(GuardSchema.PROOF_OF_WORK_NONCE)) {
            return ProofOfWork.used();
        }
        if (pk.startsWith(GuardSchema.FLOOD_IP) || pk.startsWith(GuardSchema.FLOOD_EMAIL)) {
            Instant free = store.guardExpiry(pk, now);
            long seconds = free == null ? 1 : Math.max(1, Duration.between(now, free).toSeconds() + 1);
            return new ProblemException(Problem.of(429, "comment-flood", "Too many comments",
                    "You are posting comments too quickly; wait " + seconds + " seconds."),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        if (guard.isCounter()) {
            String who = pk.startsWith(GuardSchema.RATE_COMMENTS_IP) ? "This address" : "This email address";
            return tooMany("too-many-comments", "Too many comments",
                    who + " has posted " + limits.commentsPerHour() + " comments this hour", guard, now);
        }
        return new ProblemException(Problem.of(409, "duplicate-comment", "Duplicate comment",
                "You have already said that."));
    }

    /** A 429 with {@code Retry-After}: the seconds until the counter's window ends. */
    private static ProblemException tooMany(String type, String title, String what, Guard counter, Instant now) {
        long seconds = Math.max(1, Duration.between(now, counter.expiresAt()).toSeconds());
        return new ProblemException(Problem.of(429, type, title, what + "; try again in " + seconds + " seconds."),
                Map.of("Retry-After", Long.toString(seconds)));
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
