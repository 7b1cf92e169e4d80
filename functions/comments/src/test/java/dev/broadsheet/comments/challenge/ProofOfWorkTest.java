package dev.broadsheet.comments.challenge;

import dev.broadsheet.core.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProofOfWorkTest {

    private static final Challenges.Keys KEYS = new Challenges.Keys("test-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void theSecretNumberIsWithinMaxNumberAndTheChallengeIsItsHashWithTheSalt() {
        ProofOfWork proofOfWork = new ProofOfWork(KEYS, 1_000, Duration.ofMinutes(10), CLOCK);
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ProofOfWork.Challenge challenge = proofOfWork.issue();
            long number = solve(challenge);
            assertTrue(number >= 0 && number <= 1_000);
            numbers.add(number);
            ProofOfWork.Solved solved = proofOfWork.verify(payload(challenge, number));
            assertEquals(challenge.salt().substring(0, 32), solved.nonce());
            assertEquals(Instant.parse("2026-03-01T10:10:00Z"), solved.expiresAt());
        }
        assertTrue(numbers.size() > 40, "the numbers are random: " + numbers);
    }

    @Test
    void anotherKeysChallengeIsRefused() {
        ProofOfWork ours = new ProofOfWork(KEYS, 1_000, Duration.ofMinutes(10), CLOCK);
        ProofOfWork theirs = new ProofOfWork(new Challenges.Keys("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8)),
                1_000, Duration.ofMinutes(10), CLOCK);
        ProofOfWork.Challenge challenge = theirs.issue();
        ProblemException refused = assertThrows(ProblemException.class, () -> ours.verify(payload(challenge, solve(challenge))));
        assertTrue(refused.problem().type().endsWith("proof-of-work-invalid"));
    }

    @Test
    void aNumberAboveMaxNumberIsRefusedEvenWhenItHashesRight() {
        ProofOfWork small = new ProofOfWork(KEYS, 1_000, Duration.ofMinutes(10), CLOCK);
        ProofOfWork.Challenge challenge = new ProofOfWork(KEYS, 1_000_000, Duration.ofMinutes(10), CLOCK).issue();
        long number = solve(challenge);
        if (number > 1_000) {
            assertThrows(ProblemException.class, () -> small.verify(payload(challenge, number)));
        }
    }

    private static long solve(ProofOfWork.Challenge challenge) {
        for (long number = 0; number <= challenge.maxnumber(); number++) {
            if (ProofOfWork.sha256Hex(challenge.salt() + number).equals(challenge.challenge())) {
                return number;
            }
        }
        throw new AssertionError("unsolvable");
    }

    private static String payload(ProofOfWork.Challenge challenge, long number) {
        String json = "{\"algorithm\":\"" + challenge.algorithm() + "\",\"challenge\":\"" + challenge.challenge() + "\",\"number\":" + number
                + ",\"salt\":\"" + challenge.salt() + "\",\"signature\":\"" + challenge.signature() + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
