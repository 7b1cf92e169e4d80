package dev.broadsheet.comments.notify;

import dev.broadsheet.comments.dao.CommentItems;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.model.ArticleState;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.Emails;
import dev.broadsheet.core.Backoff;
import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.core.schema.NotificationSchema;
import dev.broadsheet.core.schema.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.broadsheet.core.schema.Items.s;

/**
 * One run of the notification function: delivers what comments left to send (the outbox index
 * {@link CommentSchema#MAIL_INDEX}) and each moderator's digest of held comments.
 *
 * <p>Never twice: every mail has a record ({@code mail#<kind>#<id>}) claimed by a conditional write
 * before SES is called; a mail whose claim exists is never sent again. A try that surely failed
 * (SES throttled or erred, or no connection) is retried with jittered exponential backoff; one that
 * may have reached SES (a timeout) is recorded {@code unknown} and not retried — at most once. A
 * run that dies between its claim and SES's answer leaves the record {@code sending}: that mail is
 * lost (and visible in the table), never duplicated.
 */
public final class Deliverer {

    /** Comments handled per run (the rest wait for the next, a minute later): the run stays well inside its timeout. */
    static final int BATCH = 25;
    /** Held comments listed in one digest; the rest are counted ("N more"). */
    static final int DIGEST_LISTS = 50;
    /** A digest's first run lists what was held in the day before: not a years-old pending queue from an import. */
    static final Duration FIRST_DIGEST_LOOKBACK = Duration.ofDays(1);
    /** Tries of one mail, with retries after up to base, 2 × base, … capped at an hour. */
    static final int MAX_ATTEMPTS = 8;

    /** What a run is configured with. */
    public record Settings(String sender, List<String> moderators, Duration digestInterval, int perAddressPerDay,
                           Duration retryBase, String publicApiUrl, String articleUrlPattern) {
    }

    /** What one run did: JSON, the function's response. */
    public record Summary(int comments, int sent, int retrying, int failed, int skipped) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("comments", comments).field("sent", sent).field("retrying", retrying)
                    .field("failed", failed).field("skipped", skipped).endObject();
        }
    }

    private final DynamoDbClient dynamoDb;
    private final DynamoComments comments;
    private final String commentsTable;
    private final MailRecords records;
    private final EmailLinks links;
    private final Mailer mailer;
    private final Messages messages;
    private final Settings settings;
    private final Backoff backoff;
    private final Clock clock;
    private int sent;
    private int retrying;
    private int failed;
    private int skipped;

    public Deliverer(DynamoDbClient dynamoDb, DynamoComments.Tables tables, MailRecords records, EmailLinks links, Mailer mailer,
                     String siteName, Settings settings, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.comments = new DynamoComments(dynamoDb, tables);
        this.commentsTable = tables.comments();
        this.records = records;
        this.links = links;
        this.mailer = mailer;
        this.messages = new Messages(siteName);
        this.settings = settings;
        this.backoff = Backoff.of(MAX_ATTEMPTS, settings.retryBase(), Duration.ofHours(1));
        this.clock = clock;
    }

    /** A mail's end for this run: sent, to be tried again at a time, or over (failed, refused, unknown, not needed). */
    private sealed interface Result permits Sent, Retry, Over {
    }

    private record Sent() implements Result {
    }

    private record Retry(Instant at) implements Result {
    }

    private record Over() implements Result {
    }

    /** After a SnapStart restore: fresh nonces for the links. */
    public void restored() {
        links.renewRandom();
    }

    public synchronized Summary run() {
        sent = 0;
        retrying = 0;
        failed = 0;
        skipped = 0;
        if (settings.sender() == null) {
            return new Summary(0, 0, 0, 0, 0);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int handled = 0;
        for (Map<String, AttributeValue> key : due(now)) {
            handleComment(key.get(CommentSchema.ARTICLE_SLUG).s(), key.get(CommentSchema.COMMENT_ID).s(),
                    key.get(CommentSchema.MAIL_DUE_AT).s(), now);
            handled++;
        }
        for (String moderator : settings.moderators()) {
            digest(moderator, now);
        }
        return new Summary(handled, sent, retrying, failed, skipped);
    }

    private List<Map<String, AttributeValue>> due(Instant now) {
        return dynamoDb.query(query -> query.tableName(commentsTable).indexName(CommentSchema.MAIL_INDEX)
                .keyConditionExpression("#queue = :due AND #dueAt <= :now")
                .expressionAttributeNames(Map.of("#queue", CommentSchema.MAIL_QUEUE, "#dueAt", CommentSchema.MAIL_DUE_AT))
                .expressionAttributeValues(Map.of(":due", s(CommentSchema.MAIL_DUE), ":now", s(Timestamps.format(now))))
                .limit(BATCH)).items();
    }

    /** The mail one comment causes: its author's confirmation, and a reply's mail to its parent's author. */
    private void handleComment(String slug, String id, String dueAt, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(commentsTable)
                .key(CommentSchema.key(slug, id)).consistentRead(true)).item();
        if (Items.isMissing(item) || !item.containsKey(CommentSchema.MAIL_QUEUE)) {
            return;
        }
        Comment comment = CommentItems.fromItem(item);
        boolean askHandled = Items.bool(item, CommentSchema.NOTIFY_HANDLED, false);
        List<Result> results = new ArrayList<>();
        // An erased author's comment keeps no address: nothing to confirm.
        boolean asks = comment.notifyReplies() && !askHandled && comment.email() != null
                && comment.status() != CommentStatus.SPAM && comment.status() != CommentStatus.TRASH;
        if (asks) {
            results.add(confirmation(comment, now));
        }
        if (comment.status() == CommentStatus.APPROVED && comment.parentId() != null) {
            results.add(reply(comment, now));
        }
        Optional<Instant> retryAt = results.stream().filter(Retry.class::isInstance).map(result -> ((Retry) result).at())
                .min(Comparator.naturalOrder());
        settle(slug, id, dueAt, retryAt, asks && !(results.get(0) instanceof Retry));
    }

    /**
     * The comment's outbox mark after its duties: moved to the earliest retry, or removed; the ask
     * recorded as handled once its confirmation is over. Conditional on the mark as read: a change
     * that marked the comment anew meanwhile (an approval) keeps its mark for the next run.
     */
    private void settle(String slug, String id, String dueAt, Optional<Instant> retryAt, boolean askDone) {
        Map<String, String> names = new HashMap<>(Map.of("#dueAt", CommentSchema.MAIL_DUE_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":read", s(dueAt)));
        List<String> set = new ArrayList<>();
        if (askDone) {
            names.put("#handled", CommentSchema.NOTIFY_HANDLED);
            values.put(":true", Items.bool(true));
            set.add("#handled = :true");
        }
        String remove = "";
        if (retryAt.isPresent()) {
            values.put(":next", s(Timestamps.format(retryAt.get())));
            set.add("#dueAt = :next");
        } else {
            names.put("#queue", CommentSchema.MAIL_QUEUE);
            remove = " REMOVE #queue, #dueAt";
        }
        String update = (set.isEmpty() ? "" : "SET " + String.join(", ", set)) + remove;
        try {
            dynamoDb.updateItem(request -> request.tableName(commentsTable).key(CommentSchema.key(slug, id))
                    .updateExpression(update.strip()).conditionExpression("#dueAt = :read")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException markedAgain) {
            // The next run handles it; every mail's claim keeps it from going twice.
        }
    }

    /**
     * A reader asked to be notified: a confirmation mail, only when the address is not confirmed
     * and none went to it while its link could still be used (7 days): "nothing else until it
     * confirms". The claim is the subscription's conditional update.
     */
    private Result confirmation(Comment comment, Instant now) {
        String addressKey = NotificationSchema.addressKey(Emails.forKeys(comment.email()));
        String mailKey = NotificationSchema.mail(NotificationSchema.MAIL_CONFIRMATION, comment.articleSlug() + "/" + comment.id());
        Optional<MailRecords.Delivery> earlier = records.delivery(addressKey, mailKey);
        if (earlier.isEmpty()) {
            if (!records.claimConfirmation(addressKey, comment.email(), now, now.minus(EmailLinks.ACTION_LIFETIME))) {
                return new Over();
            }
        }
        String addressForm = Emails.forKeys(comment.email());
        Mail mail = messages.confirmation(comment.email(), headline(comment.articleSlug(), now), articleUrl(comment.articleSlug()),
                actionUrl(EmailLinks.Action.CONFIRM, addressForm, links.nonce(), EmailLinks.ACTION_LIFETIME),
                unsubscribeUrl(addressForm));
        return deliver(addressKey, mailKey, NotificationSchema.MAIL_CONFIRMATION, mail, earlier, true, now);
    }

    /** An approved reply: a mail to its parent's author, if they asked for it, confirmed it and did not unsubscribe since. */
    private Result reply(Comment reply, Instant now) {
        Comment parent = comments.comment(reply.articleSlug(), reply.parentId()).orElse(null);
        if (parent == null || !parent.notifyReplies() || parent.status() != CommentStatus.APPROVED || parent.email() == null) {
            return new Over();
        }
        String parentAddress = Emails.forKeys(parent.email());
        if (reply.email() != null && parentAddress.equals(Emails.forKeys(reply.email()))) {
            return new Over(); // one's own reply
        }
        String addressKey = NotificationSchema.addressKey(parentAddress);
        MailRecords.Subscription subscription = records.subscription(addressKey);
        if (!subscription.confirmed()) {
            return new Over();
        }
        String mailKey = NotificationSchema.mail(NotificationSchema.MAIL_REPLY, reply.articleSlug() + "/" + reply.id());
        Mail mail = messages.reply(subscription.email() == null ? parent.email() : subscription.email(),
                headline(reply.articleSlug(), now), reply.authorName(), CommentHtml.toText(reply.contentHtml()),
                articleUrl(reply.articleSlug()) + "#comment-" + reply.id(), unsubscribeUrl(parentAddress));
        return deliver(addressKey, mailKey, NotificationSchema.MAIL_REPLY, mail, records.delivery(addressKey, mailKey), true, now);
    }

    /** A moderator's digest, at most one per interval: every comment held since the last one. */
    private void digest(String moderator, Instant now) {
        String addressKey = NotificationSchema.addressKey(Emails.forKeys(moderator));
        Optional<MailRecords.Digest> last = records.digest(addressKey);
        if (last.isPresent() && last.get().lastSentAt() != null
                && now.isBefore(last.get().lastSentAt().plus(settings.digestInterval()))) {
            return;
        }
        String markCreatedAt = last.map(MailRecords.Digest::markCreatedAt).orElse(Timestamps.format(now.minus(FIRST_DIGEST_LOOKBACK)));
        String markId = last.map(MailRecords.Digest::markId).orElse("");
        List<Comment> held = heldSince(markCreatedAt, markId);
        if (held.isEmpty()) {
            return;
        }
        Comment newest = held.get(held.size() - 1);
        String newestCreatedAt = Timestamps.format(newest.createdAt());
        String mailKey = NotificationSchema.mail(NotificationSchema.MAIL_DIGEST, newestCreatedAt + "/" + newest.id());
        List<Messages.Held> listed = new ArrayList<>();
        for (Comment comment : held.subList(0, Math.min(DIGEST_LISTS, held.size()))) {
            String moderationId = comment.articleSlug() + "/" + comment.id();
            String nonce = links.nonce();
            listed.add(new Messages.Held(headline(comment.articleSlug(), now), articleUrl(comment.articleSlug()),
                    comment.authorName(), CommentHtml.toText(comment.contentHtml()),
                    comment.heldBecause() == null ? "held for moderation" : comment.heldBecause(),
                    actionUrl(EmailLinks.Action.APPROVE, moderationId, nonce, EmailLinks.ACTION_LIFETIME),
                    actionUrl(EmailLinks.Action.SPAM, moderationId, nonce, EmailLinks.ACTION_LIFETIME),
                    actionUrl(EmailLinks.Action.TRASH, moderationId, nonce, EmailLinks.ACTION_LIFETIME)));
        }
        Mail mail = messages.digest(moderator, listed, held.size() - listed.size());
        Result result = deliver(addressKey, mailKey, NotificationSchema.MAIL_DIGEST, mail, records.delivery(addressKey, mailKey),
                false, now);
        if (!(result instanceof Retry)) {
            records.digestSent(addressKey, moderator, now, newestCreatedAt, newest.id());
        }
    }

    /** Pending comments after the mark (creation time, then id), oldest first. */
    private List<Comment> heldSince(String markCreatedAt, String markId) {
        List<Comment> held = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> start = startKey;
            QueryResponse page = dynamoDb.query(query -> query.tableName(commentsTable).indexName(CommentSchema.STATUS_INDEX)
                    .keyConditionExpression("#status = :pending AND #createdAt >= :mark")
                    .expressionAttributeNames(Map.of("#status", CommentSchema.STATUS, "#createdAt", CommentSchema.CREATED_AT))
                    .expressionAttributeValues(Map.of(":pending", s(CommentStatus.PENDING.value()), ":mark", s(markCreatedAt)))
                    .exclusiveStartKey(start));
            for (Map<String, AttributeValue> item : page.items()) {
                Comment comment = CommentItems.fromItem(item);
                String createdAt = Timestamps.format(comment.createdAt());
                if (createdAt.compareTo(markCreatedAt) > 0 || (createdAt.equals(markCreatedAt) && comment.id().compareTo(markId) > 0)) {
                    held.add(comment);
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        held.sort(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id));
        return held;
    }

    /**
     * Claims a mail and sends it. {@code limited}: a reader's mail, counted against the address's
     * daily limit (on its first try only).
     */
    private Result deliver(String addressKey, String mailKey, String kind, Mail mail, Optional<MailRecords.Delivery> earlier,
                           boolean limited, Instant now) {
        int attempt;
        if (earlier.isEmpty()) {
            if (!records.claimNew(addressKey, mailKey, mail.to(), kind, now)) {
                skipped++;
                return new Over();
            }
            attempt = 1;
        } else if ("retry".equals(earlier.get().state())) {
            MailRecords.Delivery delivery = earlier.get();
            if (delivery.nextAttemptAt() != null && now.isBefore(delivery.nextAttemptAt())) {
                return new Retry(delivery.nextAttemptAt());
            }
            if (!records.claimRetry(addressKey, mailKey, delivery.attempts())) {
                skipped++;
                return new Over();
            }
            attempt = delivery.attempts() + 1;
        } else {
            skipped++;
            return new Over(); // sent, failed, unknown, limited, or being sent by another run: never again
        }
        if (limited && attempt == 1 && !records.countToday(addressKey, now, settings.perAddressPerDay())) {
            records.finish(addressKey, mailKey, "limited", null, now);
            skipped++;
            return new Over();
        }
        try {
            String messageId = mailer.send(settings.sender(), mail);
            records.finish(addressKey, mailKey, "sent", messageId, now);
            sent++;
            return new Sent();
        } catch (Mailer.Failure failure) {
            System.err.println("Mail " + kind + " (" + mailKey.substring(NotificationSchema.MAIL.length()) + "), try " + attempt
                    + ": " + failure.getMessage());
            if (failure.outcome() == Mailer.Outcome.RETRY && backoff.allowsRetryAfter(attempt)) {
                Instant next = now.plus(backoff.delayAfter(attempt)).truncatedTo(ChronoUnit.MILLIS);
                records.retryAt(addressKey, mailKey, next);
                retrying++;
                return new Retry(next);
            }
            records.finish(addressKey, mailKey, failure.outcome() == Mailer.Outcome.UNKNOWN ? "unknown" : "failed", null, now);
            failed++;
            return new Over();
        }
    }

    private String headline(String slug, Instant now) {
        return comments.article(slug, now).map(ArticleState::headline).filter(headline -> headline != null).orElse(slug);
    }

    private String articleUrl(String slug) {
        return settings.articleUrlPattern().replace("{slug}", slug);
    }

    private String actionUrl(EmailLinks.Action action, String subject, String nonce, Duration lifetime) {
        return settings.publicApiUrl() + EmailActionHandler.PATH + links.sign(action, subject, nonce, lifetime);
    }

    private String unsubscribeUrl(String addressForm) {
        return actionUrl(EmailLinks.Action.UNSUBSCRIBE, addressForm, links.nonce(), EmailLinks.UNSUBSCRIBE_LIFETIME);
    }
}
