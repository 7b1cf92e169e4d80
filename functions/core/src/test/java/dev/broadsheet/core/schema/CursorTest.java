package dev.broadsheet.core.schema;

import dev.broadsheet.core.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    private static final Predicate<String> DIGITS = value -> value.matches("[0-9]+");
    private static final Predicate<String> WORD = value -> value.matches("[a-z]+");

    @Test
    void aCursorRoundTripsItsParts() {
        String cursor = Cursor.encode("k1", "42", "abc");
        assertArrayEquals(new String[] {"42", "abc"}, Cursor.decode(cursor, "k1", DIGITS, WORD));
        assertNull(Cursor.encode("k1", (String) null));
        assertNull(Cursor.decode(null, "k1", DIGITS));
    }

    @Test
    void anythingElseIsA400NamingTheCursor() {
        String good = Cursor.encode("k1", "42", "abc");
        List<String> bad = List.of("", "!!!", good + "x", "A".repeat(401), Cursor.encode("k2", "42", "abc"),
                Cursor.encode("k1", "42"), Cursor.encode("k1", "42", "abc", "more"), Cursor.encode("k1", "x", "abc"),
                Cursor.encode("k1", "42", "ABC"), encodePlain("k1|42|abc|"), encodePlain("k1"),
                Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0x7c}));
        for (String cursor : bad) {
            ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(cursor, "k1", DIGITS, WORD), cursor);
            assertEquals(400, e.problem().status());
            assertEquals("cursor", e.problem().errors().get(0).field());
        }
    }

    private static String encodePlain(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
