package dev.broadsheet.comments.notify;

import java.util.Map;

/**
 * One mail as it is handed to SES: one recipient (never a list: no mail shows another reader's
 * address), a subject, a text and an HTML body (every value in it encoded), and extra headers
 * (RFC 8058's {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}).
 */
public record Mail(String to, String subject, String text, String html, Map<String, String> headers) {
}
