package dev.broadsheet.comments.notify;

import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.emulators.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mails' signed links: what a token carries, and every way one is refused. */
class EmailLinksTest {

    private static final Challenges.Keys KEYS = new Challenges.Keys("the current secret, long enough".getBytes(StandardCharsets.UTF_8));
    private static final Challenges.Keys OLD_KEYS = new Challenges.Keys("the secret before rotation".getBytes(StandardCharsets.UTF_8));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final EmailLinks links = new EmailLinks(KEYS, null, clock);

    @Test
    void aSignedLinkSaysWhatItDoesToWhatUntilWhen() {
        String nonce = links.nonce();
        EmailLinks.Link link = links.verify(links.sign(EmailLinks.Action.APPROVE, "an-article/01M8KBRD5927AQG32Q6SHVG9QK", nonce,
                EmailLinks.ACTION_LIFETIME));
        assertEquals(EmailLinks.Action.APPROVE, link.action());
        assertEquals("an-article/01M8KBRD5927AQG32Q6SHVG9QK", link.subject());
        assertEquals(nonce, link.nonce());
        assertEquals(Instant.parse("2026-12-06T10:00:00Z"), link.expiresAt(), "7 days");
    }

    @Test
    void itWorksUntilItsLastMomentAndNotAtItsExpiry() {
        String token = links.sign(EmailLinks.Action.CONFIRM, "rita@example.com", links.nonce(), EmailLinks.ACTION_LIFETIME);
        clock.advance(EmailLinks.ACTION_LIFETIME.minusMillis(1));
        links.verify(token);
        clock.advance(Duration.ofMillis(1));
        assertEquals(EmailLinks.Refusal.EXPIRED, assertThrows(EmailLinks.Refused.class, () -> links.verify(token)).refusal());
        String unsubscribe = links.sign(EmailLinks.Action.UNSUBSCRIBE, "rita@example.com", links.nonce(), EmailLinks.UNSUBSCRIBE_LIFETIME);
        clock.advance(Duration.ofDays(89));
        links.verify(unsubscribe);
    }

    @Test
    void everyChangedCharacterOfPayloadOrSignatureIsRefused() {
        String token = links.sign(EmailLinks.Action.SPAM, "an-article/01M8KBRD5927AQG32Q6SHVG9QK", links.nonce(), EmailLinks.ACTION_LIFETIME);
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            // The top bit of the character's six: always data (a last character's low bits may be padding).
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            char replacement = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 32) % 64);
            String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
            EmailLinks.Refused refused = assertThrows(EmailLinks.Refused.class, () -> links.verify(tampered), tampered);
            assertEquals(EmailLinks.Refusal.INVALID, refused.refusal());
        }
    }

    @Test
    void aLinkForAnotherActionCannotBeMadeFromOne() {
        String token = links.sign(EmailLinks.Action.UNSUBSCRIBE, "rita@example.com", links.nonce(), EmailLinks.UNSUBSCRIBE_LIFETIME);
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("|unsubscribe|", "|confirm|")
                .getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
        assertThrows(EmailLinks.Refused.class, () -> links.verify(forged));
    }

    @Test
    void malformedTokensAreRefusedNotThrownAsAnythingElse() {
        for (String token : new String[] {null, "", ".", "x", "x.y", "a.b.c", "%%%.%%%", "bTE.", ".bTE", "é.é"}) {
            assertEquals(EmailLinks.Refusal.INVALID, assertThrows(EmailLinks.Refused.class, () -> links.verify(token)).refusal(), token);
        }
    }

    @Test
    void anotherSecretsLinksAreRefusedButThePreviousOnesWorkAfterARotation() {
        EmailLinks before = new EmailLinks(OLD_KEYS, null, clock);
        String old = before.sign(EmailLinks.Action.TRASH, "an-article/01M8KBRD5927AQG32Q6SHVG9QK", before.nonce(), EmailLinks.ACTION_LIFETIME);
        assertThrows(EmailLinks.Refused.class, () -> links.verify(old));
        EmailLinks rotated = new EmailLinks(KEYS, OLD_KEYS, clock);
        assertEquals(EmailLinks.Action.TRASH, rotated.verify(old).action());
    }

    @Test
    void noncesAreFreshAndOnlyDecisionsAndConfirmationsAreSingleUse() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(nonces.add(links.nonce()));
        }
        assertTrue(EmailLinks.Action.APPROVE.singleUse() && EmailLinks.Action.SPAM.singleUse() && EmailLinks.Action.TRASH.singleUse()
                && EmailLinks.Action.CONFIRM.singleUse());
        assertFalse(EmailLinks.Action.UNSUBSCRIBE.singleUse(), "RFC 8058: a one-click unsubscribe may come again");
    }
}
