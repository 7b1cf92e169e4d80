package dev.broadsheet.local;

import dev.broadsheet.comments.handler.CommentSettings;
import dev.broadsheet.comments.notify.EmailLinks;
import dev.broadsheet.core.Environment;

import java.time.Clock;
import java.util.Map;

/**
 * What fills the {@code {{emailActionToken}}} placeholder of {@code events/*-email-action.json}: a
 * real token cannot be committed (it is signed with a secret made at each start, and expires), so
 * the consistency test and the benchmark sign one as the notification function does — an
 * unsubscribe link of a sample reader (the one action any link may take again and again) — with the
 * secret the running emulators serve, read through the functions' own code.
 */
public final class SampleEmailLink {

    public static final String PLACEHOLDER = "{{emailActionToken}}";

    private SampleEmailLink() {
    }

    /** @param environment a function's environment: {@code CHALLENGE_SECRET_ARN} and the emulators' endpoints */
    public static String unsubscribeToken(Map<String, String> environment) {
        CommentSettings.Secrets secrets = CommentSettings.secrets(new Environment(environment));
        EmailLinks links = new EmailLinks(secrets.current(), secrets.previous(), Clock.systemUTC());
        return links.sign(EmailLinks.Action.UNSUBSCRIBE, "sample@example.com", links.nonce(), EmailLinks.UNSUBSCRIBE_LIFETIME);
    }
}
