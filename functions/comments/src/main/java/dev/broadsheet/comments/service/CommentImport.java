package dev.broadsheet.comments.service;

import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.core.schema.CommentStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Comments brought from another system (the WordPress import) checked by the rules of the comment
 * form and sanitized by its HTML policy ({@link CommentHtml}), so an imported comment is stored as
 * a submitted one would be. What the form would refuse is repaired where a reader's words survive
 * it (a website that is not an http(s) address is left out, an over-long name shortened) and
 * refused otherwise (nothing left after sanitizing); each repair is a note.
 */
public final class CommentImport {

    /** The name shown for a comment without one, as WordPress shows it. */
    public static final String ANONYMOUS = "Anonymous";

    private CommentImport() {
    }

    /**
     * A comment as another system had it, its place in the thread already decided.
     *
     * @param id       its id here (see {@code CommentIds.derived}): the same comment always gets the same one
     * @param parentId the comment it replies to (already imported, or in the same import); null on the article
     * @param depth    1 on the article, at most {@link CommentService#MAX_DEPTH}
     * @param status   {@code APPROVED} or {@code PENDING}
     */
    public record Incoming(String slug, String id, String parentId, int depth, String author, String email, String url,
                           String content, Instant createdAt, CommentStatus status) {
    }

    /** The comment to store, with notes on what was repaired; or {@code refusal} (then {@code comment} is null). */
    public record Checked(Comment comment, String refusal, List<String> notes) {
    }

    public static Checked check(Incoming in, String heldBecause) {
        List<String> notes = new ArrayList<>();
        String author = strip(in.author());
        if (author == null || SubmissionRules.hasUnpairedSurrogate(author)) {
            author = ANONYMOUS;
            notes.add("no author name: shown as " + ANONYMOUS);
        } else if (author.length() > SubmissionRules.MAX_AUTHOR) {
            author = author.substring(0, SubmissionRules.MAX_AUTHOR);
            notes.add("author name shortened to " + SubmissionRules.MAX_AUTHOR + " characters");
        }
        String email = strip(in.email());
        if (email != null && (email.length() > SubmissionRules.MAX_EMAIL || SubmissionRules.hasInvisibleCharacter(email)
                || !SubmissionRules.isEmail(email))) {
            notes.add("email left out (not a valid address)");
            email = null;
        }
        String url = strip(in.url());
        if (url != null && (url.length() > SubmissionRules.MAX_URL || !SubmissionRules.isWebUrl(url))) {
            notes.add("website left out (not an http or https address of at most " + SubmissionRules.MAX_URL + " characters)");
            url = null;
        }
        String content = strip(in.content());
        if (content == null) {
            return new Checked(null, "no text", notes);
        }
        if (content.length() > SubmissionRules.MAX_CONTENT) {
            return new Checked(null, "longer than " + SubmissionRules.MAX_CONTENT + " characters", notes);
        }
        if (SubmissionRules.hasUnpairedSurrogate(content)) {
            return new Checked(null, "not valid text", notes);
        }
        String html = CommentHtml.sanitize(content);
        if (CommentHtml.isEmpty(html)) {
            return new Checked(null, "nothing left after removing HTML that comments may not have", notes);
        }
        return new Checked(new Comment(in.slug(), in.id(), in.parentId(), author, url, email, null, null, null, html,
                in.status(), in.depth(), in.createdAt(), in.status() == CommentStatus.PENDING ? heldBecause : null), null, notes);
    }

    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
