package dev.broadsheet.images.signing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UrlLifetimeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T05:00:00.400Z");

    @Test
    void withoutAnExpiryTheConfiguredLifetimeHolds() {
        assertEquals(Duration.ofMinutes(15), new UrlLifetime(UrlLifetime.DEFAULT).at(NOW, Optional.empty()));
    }

    @Test
    void credentialsThatExpireSoonerCutItToTheirWholeSecondsLeftLessTheSigningMargin() {
        UrlLifetime lifetime = new UrlLifetime(Duration.ofMinutes(15));
        assertEquals(Duration.ofSeconds(298), lifetime.at(NOW, Optional.of(NOW.plusMillis(299_900))));
        assertEquals(Duration.ofMinutes(15), lifetime.at(NOW, Optional.of(NOW.plusSeconds(3600))));
        assertEquals(Duration.ofSeconds(1), lifetime.at(NOW, Optional.of(NOW.plusMillis(2_000))));
        assertEquals(Duration.ZERO, lifetime.at(NOW, Optional.of(NOW.plusMillis(1_999))));
        assertEquals(Duration.ZERO, lifetime.at(NOW, Optional.of(NOW.minusSeconds(60))));
    }

    @Test
    void theSigningWindowIsAThirdOfTheLifetimeAndStartsOnItsMultiples() {
        UrlLifetime lifetime = new UrlLifetime(Duration.ofMinutes(15));
        assertEquals(Duration.ofMinutes(5), lifetime.window());
        assertEquals(Instant.parse("2026-11-28T05:00:00Z"), lifetime.windowStart(NOW));
        assertEquals(Instant.parse("2026-11-28T05:00:00Z"), lifetime.windowStart(Instant.parse("2026-11-28T05:04:59.999Z")));
        assertEquals(Instant.parse("2026-11-28T05:05:00Z"), lifetime.windowStart(Instant.parse("2026-11-28T05:05:00Z")));
        assertEquals(Duration.ofSeconds(1), new UrlLifetime(Duration.ofSeconds(2)).window(), "never under a second");
        assertEquals(Duration.ofSeconds(20), new UrlLifetime(Duration.ofSeconds(61)).window(), "whole seconds");
    }

    @Test
    void lifetimesOutsideOneSecondToOneHourAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UrlLifetime(Duration.ofSeconds(3601)));
        assertThrows(IllegalArgumentException.class, () -> new UrlLifetime(Duration.ZERO));
        assertEquals(Duration.ofHours(1), new UrlLifetime(Duration.ofHours(1)).configured());
    }
}
