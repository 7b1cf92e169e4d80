package dev.broadsheet.comments.service;

/** A comment as submitted, before any check; every field may be null. */
public record Submission(String author, String email, String url, String content, String parentId,
                         String challengeToken, String challengePassword, String honeypot, String sourceIp) {

    /** The hidden form field that people leave empty and form-filling bots do not. */
    public static final String HONEYPOT_FIELD = "phone";
}
