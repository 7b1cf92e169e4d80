package dev.broadsheet.comments.notify;

import dev.broadsheet.core.HtmlText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mails' words: each as text and as HTML in which every value (headlines, names, comments,
 * links) is encoded with {@link HtmlText#escape}: comments are shown as their text, never as markup.
 * Each mail names only its recipient's own address, if any: never another reader's.
 */
final class Messages {

    private final String siteName;

    Messages(String siteName) {
        this.siteName = siteName;
    }

    /** RFC 8058 one-click unsubscribe (RFC 2369's header, and the POST that mail clients send to it). */
    static Map<String, String> unsubscribeHeaders(String unsubscribeUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    Mail confirmation(String to, String headline, String articleUrl, String confirmUrl, String unsubscribeUrl) {
        String subject = "Confirm: replies to your comment on " + siteName;
        String text = "You (or someone using your address) asked " + siteName + " to tell you by mail when someone replies to a comment on\n"
                + "\"" + headline + "\" " + articleUrl + "\n\n"
                + "To confirm, open this link within 7 days and press Confirm:\n" + confirmUrl + "\n\n"
                + "If you did not ask, ignore this mail: nothing more will be sent to you.\n"
                + "Stop all mail from us: " + unsubscribeUrl + "\n";
        String html = page(subject, "<p>You (or someone using your address) asked " + e(siteName)
                + " to tell you by mail when someone replies to a comment on <a href=\"" + e(articleUrl) + "\">" + e(headline) + "</a>.</p>"
                + "<p><a href=\"" + e(confirmUrl) + "\">Confirm</a> (the link works for 7 days).</p>"
                + "<p>If you did not ask, ignore this mail: nothing more will be sent to you.</p>", unsubscribeUrl);
        return new Mail(to, subject, text, html, unsubscribeHeaders(unsubscribeUrl));
    }

    Mail reply(String to, String headline, String replyAuthor, String replyText, String replyUrl, String unsubscribeUrl) {
        String subject = oneLine(replyAuthor) + " replied to your comment on " + siteName;
        String text = replyAuthor + " replied to your comment on \"" + headline + "\":\n\n" + replyText + "\n\n"
                + "Read it: " + replyUrl + "\n\n"
                + "You get this mail because you asked to be told of replies. Unsubscribe: " + unsubscribeUrl + "\n";
        String html = page(subject, "<p>" + e(replyAuthor) + " replied to your comment on " + e(headline) + ":</p>"
                + "<blockquote style=\"white-space:pre-line\">" + e(replyText) + "</blockquote>"
                + "<p><a href=\"" + e(replyUrl) + "\">Read it</a></p>"
                + "<p>You get this mail because you asked to be told of replies.</p>", unsubscribeUrl);
        return new Mail(to, subject, text, html, unsubscribeHeaders(unsubscribeUrl));
    }

    /** One held comment in a moderator's digest, with its three one-click decisions. */
    record Held(String headline, String articleUrl, String author, String text, String heldBecause,
                String approveUrl, String spamUrl, String trashUrl) {
    }

    Mail digest(String to, List<Held> held, int more) {
        int count = held.size() + more;
        String subject = count + (count == 1 ? " comment waits" : " comments wait") + " for moderation on " + siteName;
        StringBuilder text = new StringBuilder(subject).append(".\n");
        StringBuilder html = new StringBuilder("<p>").append(e(subject)).append(". Each link asks you to confirm before it acts, "
                + "works once and for 7 days.</p>");
        for (Held comment : held) {
            text.append("\n----\nOn \"").append(comment.headline()).append("\" ").append(comment.articleUrl()).append('\n')
                    .append(comment.author()).append(" wrote:\n").append(comment.text()).append('\n')
                    .append("Held: ").append(comment.heldBecause()).append('\n')
                    .append("Approve: ").append(comment.approveUrl()).append('\n')
                    .append("Spam:    ").append(comment.spamUrl()).append('\n')
                    .append("Trash:   ").append(comment.trashUrl()).append('\n');
            html.append("<hr><p>On <a href=\"").append(e(comment.articleUrl())).append("\">").append(e(comment.headline()))
                    .append("</a>, ").append(e(comment.author())).append(" wrote:</p><blockquote style=\"white-space:pre-line\">")
                    .append(e(comment.text())).append("</blockquote><p>Held: ").append(e(comment.heldBecause())).append("</p><p>")
                    .append(link(comment.approveUrl(), "Approve")).append(" · ").append(link(comment.spamUrl(), "Spam"))
                    .append(" · ").append(link(comment.trashUrl(), "Trash")).append("</p>");
        }
        if (more > 0) {
            String rest = more + " more: broadsheet comments pending";
            text.append("\n----\n").append(rest).append('\n');
            html.append("<hr><p>").append(e(rest)).append("</p>");
        }
        return new Mail(to, oneLine(subject), text.toString(), page(subject, html.toString(), null), Map.of());
    }

    private static String link(String url, String label) {
        return "<a href=\"" + e(url) + "\">" + e(label) + "</a>";
    }

    private String page(String title, String body, String unsubscribeUrl) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + e(title) + "</title></head><body>" + body
                + (unsubscribeUrl == null ? "" : "<p style=\"font-size:small\"><a href=\"" + e(unsubscribeUrl)
                + "\">Unsubscribe</a> from " + e(siteName) + "'s mail.</p>")
                + "</body></html>";
    }

    private static String e(String text) {
        return HtmlText.escape(text == null ? "" : text);
    }

    /** Header values stay on one line, whatever a name holds. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
