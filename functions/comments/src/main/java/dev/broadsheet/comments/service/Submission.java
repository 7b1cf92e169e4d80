package dev.broadsheet.comments.service;

/**
 * A comment as submitted, before any check; every field may be null.
 *
 * @param proofOfWork the {@code altcha} field: the widget's base64 solution, when the proof of work is on
 */
public record Submission(String author, String email, String url, String content, String parentId,
                         String challengeToken, String challengePassword, String proofOfWork, String honeypot,
                         String sourceIp, boolean notifyReplies) {

    /** Without the ask to be told of replies. */
    public Submission(String author, String email, String url, String content, String parentId,
                      String challengeToken, String challengePassword, String proofOfWork, String honeypot, String sourceIp) {
        this(author, email, url, content, parentId, challengeToken, challengePassword, proofOfWork, honeypot, sourceIp, false);
    }

    /** The form field: {@code true} in JSON, {@code on} (a checkbox) in a form post. */
    public static final String NOTIFY_FIELD = "notify";

    /** The hidden form field that people leave empty and form-filling bots do not. */
    public static final String HONEYPOT_FIELD = "phone";
}
