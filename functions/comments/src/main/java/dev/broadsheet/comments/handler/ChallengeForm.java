package dev.broadsheet.comments.handler;

import dev.broadsheet.core.HtmlText;
import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.comments.service.Submission;

/**
 * The comment form as a page of its own, for readers without JavaScript: a static article page
 * cannot fetch a password, so its form-only path posts to the challenges route with
 * {@code Accept: text/html} and gets this page — the password to copy, its token in a hidden
 * field — which posts the comment as a plain form (answered with a 303 back to the article).
 * Every value is HTML-escaped; the page runs no script.
 */
final class ChallengeForm {

    /**
     * No script, no framing; the form posts only to this API, and its 303 may only lead back to
     * the site (browsers apply {@code form-action} to the redirect too).
     */
    static String contentSecurityPolicy(String articleUrl) {
        java.net.URI site = java.net.URI.create(articleUrl);
        String siteOrigin = site.getScheme() + "://" + site.getRawAuthority();
        return "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " + siteOrigin
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    private ChallengeForm() {
    }

    static String render(String slug, String articleUrl, CommentService.Issued issued, String parentId) {
        Challenges.Challenge challenge = issued.password();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Leave a Reply</title>\n<style>")
                .append("body{font:17px/1.5 Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}")
                .append("label{display:block;margin:.8rem 0 .2rem;font:600 15px system-ui,sans-serif}")
                .append("input,textarea{width:100%;box-sizing:border-box;padding:.4rem;font:inherit}")
                .append("textarea{min-height:9rem}.password{font:700 1.3rem monospace;letter-spacing:.15em}")
                .append(".notes{font:14px system-ui,sans-serif;color:#555}")
                .append("</style>\n</head>\n<body>\n<main>\n<h1>Leave a Reply</h1>\n")
                .append("<p class=\"notes\">Your email address will not be published. Required fields are marked *</p>\n");
        if (issued.proofOfWork() != null) {
            // The proof of work is solved by the page's script; a page without script cannot post.
            html.append("<p class=\"notes\" id=\"needs-javascript\">This site asks every comment for a small proof of work")
                    .append(" that your browser computes with JavaScript; with JavaScript off the comment will be refused.")
                    .append(" Turn JavaScript on and use the article page's form.</p>\n");
        }
        html
                .append("<form method=\"post\" action=\"/articles/").append(HtmlText.escape(slug)).append("/comments\">\n")
                .append("<label for=\"content\">Comment</label>\n")
                .append("<textarea id=\"content\" name=\"content\" required maxlength=\"65525\"></textarea>\n")
                .append("<label for=\"author\">Name *</label>\n")
                .append("<input id=\"author\" name=\"author\" required maxlength=\"245\" autocomplete=\"name\">\n")
                .append("<label for=\"email\">Email *</label>\n")
                .append("<input id=\"email\" name=\"email\" type=\"email\" required maxlength=\"100\" autocomplete=\"email\">\n")
                .append("<label for=\"url\">Website</label>\n")
                .append("<input id=\"url\" name=\"url\" type=\"url\" maxlength=\"200\" autocomplete=\"url\">\n")
                .append("<p>* Copy This Password *</p>\n<p class=\"password\">").append(HtmlText.escape(challenge.password()))
                .append("</p>\n<label for=\"challengePassword\">* Type Or Paste Password Here *</label>\n")
                .append("<input id=\"challengePassword\" name=\"challengePassword\" required autocomplete=\"off\">\n")
                .append("<input type=\"hidden\" name=\"challengeToken\" value=\"").append(HtmlText.escape(challenge.token())).append("\">\n");
        if (parentId != null) {
            html.append("<input type=\"hidden\" name=\"parentId\" value=\"").append(HtmlText.escape(parentId)).append("\">\n");
        }
        html.append("<div hidden><label for=\"").append(Submission.HONEYPOT_FIELD).append("\">Leave this empty</label>")
                .append("<input id=\"").append(Submission.HONEYPOT_FIELD).append("\" name=\"").append(Submission.HONEYPOT_FIELD)
                .append("\" tabindex=\"-1\" autocomplete=\"off\"></div>\n")
                .append("<p class=\"notes\">You may use these HTML tags and attributes: ")
                .append(HtmlText.escape(String.join(" ", CommentHtml.ALLOWED_TAGS))).append("</p>\n")
                .append("<p class=\"notes\">The password works once, until ").append(HtmlText.escape(challenge.expiresAt().toString()))
                .append(".</p>\n<p><button type=\"submit\">Post Comment</button></p>\n</form>\n")
                .append("<p><a href=\"").append(HtmlText.escape(articleUrl)).append("\">Back to the article</a></p>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }
}
