package dev.broadsheet.comments.challenge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional proof of work, in the ALTCHA v1 challenge format that the {@code altcha} widget
 * (npm, 2.x) solves: {@code challenge = hex(SHA-256(salt + number))} for a secret {@code number}
 * from 0 to {@code maxnumber}, and {@code signature = hex(HMAC-SHA256(key, challenge))}. The
 * widget tries numbers from 0 up (on average {@code maxnumber / 2} hashes) and sends back
 * base64 of {@code {"algorithm","challenge","number","salt","signature"}}.
 *
 * <p>Written here rather than taken from {@code org.altcha:altcha} 1.3.0: that library answers
 * a verification with a bare boolean (no reason to name in the 403) and brings {@code org.json};
 * this class is what the library does in ~150 lines, measured in the README ("Proof of work").
 *
 * <p>Unambiguous inputs (ALTCHA's CVE-2025-68113 let a solved challenge be replayed with a later
 * expiry by moving digits between the salt's {@code expires} and the number): the salt has exactly
 * one form, {@code <32 hex nonce>?expires=<10 digits>&}, ending in a delimiter that no number
 * contains, and the number must be written canonically (no sign, no leading zero). So one
 * challenge hash has exactly one (salt, number) split. The nonce is claimed once by the submission.
 */
public final class ProofOfWork {

    public static final String FIELD = "altcha";
    static final String ALGORITHM = "SHA-256";
    private static final Pattern SALT = Pattern.compile("([0-9a-f]{32})\\?expires=([0-9]{10})&");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final JsonFactory JSON = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] signingKey;
    private final long maxNumber;
    private final Duration lifetime;
    private final Clock clock;
    private volatile SecureRandom random = new SecureRandom();

    public ProofOfWork(Challenges.Keys keys, long maxNumber, Duration lifetime, Clock clock) {
        this.signingKey = keys.derive("altcha-signature");
        this.maxNumber = maxNumber;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** What the challenge response carries under {@code altcha}, as the widget's {@code challengejson} takes it. */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature)
            implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("algorithm", algorithm).field("challenge", challenge).field("maxnumber", maxnumber)
                    .field("salt", salt).field("signature", signature).endObject();
        }
    }

    /** A verified solution: its nonce (to claim once) and when it stops being valid. */
    public record Solved(String nonce, Instant expiresAt) {
    }

    public Challenge issue() {
        byte[] nonce = new byte[16];
        SecureRandom generator = random;
        generator.nextBytes(nonce);
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String salt = HEX.formatHex(nonce) + "?expires=" + expires + "&";
        long number = generator.nextLong(maxNumber + 1);
        String challenge = sha256Hex(salt + number);
        return new Challenge(ALGORITHM, challenge, maxNumber, salt, HEX.formatHex(Challenges.Keys.hmac(signingKey, challenge)));
    }

    /** Checks everything but single use; throws a 403 problem naming {@code altcha}. */
    public Solved verify(String payload) {
        if (payload == null || payload.isBlank()) {
            throw refused("missing", "Solve the proof-of-work challenge (the altcha field) before posting.");
        }
        Map<String, String> fields = decode(payload.strip());
        String challenge = fields.get("challenge");
        String signature = fields.get("signature");
        String salt = fields.get("salt");
        String number = fields.get("number");
        if (!ALGORITHM.equals(fields.get("algorithm")) || challenge == null || !HEX_64.matcher(challenge).matches()
                || signature == null || !HEX_64.matcher(signature).matches()
                || !MessageDigest.isEqual(HEX.parseHex(signature), Challenges.Keys.hmac(signingKey, challenge))) {
            throw refused("invalid", "The proof-of-work challenge is not one this site issued.");
        }
        Matcher saltParts = salt == null ? null : SALT.matcher(salt);
        if (saltParts == null || !saltParts.matches() || number == null || !NUMBER.matcher(number).matches()
                || Long.parseLong(number) > maxNumber || !challenge.equals(sha256Hex(salt + number))) {
            throw refused("wrong", "The proof-of-work solution is wrong; solve a new challenge.");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(saltParts.group(2)));
        if (!clock.instant().isBefore(expiresAt)) {
            throw refused("expired", "The proof-of-work challenge has expired; solve a new one.");
        }
        return new Solved(saltParts.group(1), expiresAt);
    }

    public static ProblemException used() {
        return refused("used", "This proof-of-work solution was already used; solve a new challenge.");
    }

    /** After a SnapStart restore: a new generator, freshly seeded, instead of the one in the snapshot. */
    public void renewRandom() {
        random = new SecureRandom();
    }

    /** The widget's payload: base64 of a flat JSON object; {@code number} arrives as a JSON number. */
    private static Map<String, String> decode(String payload) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(Base64.getDecoder().decode(payload))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw refused("invalid", "The proof-of-work solution cannot be read.");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT) {
                    fields.putIfAbsent(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("invalid", "The proof-of-work solution cannot be read.");
        }
        return fields;
    }

    static String sha256Hex(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(ALGORITHM).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** A 403 naming the {@code altcha} field, as the widget's form field is named. */
    private static ProblemException refused(String code, String detail) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "proof-of-work-" + code, "The proof of work was not met",
                403, detail, List.of(new Problem.FieldError(FIELD, code, detail))));
    }
}
