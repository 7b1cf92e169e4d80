package dev.broadsheet.comments.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmailsTest {

    @Test
    void oneMailboxHasOneKey() {
        for (String variant : new String[] {"jane@gmail.com", "Jane@Gmail.COM", "jane+news@gmail.com", "j.a.n.e@gmail.com",
                "J.ane+1+2@googlemail.com", "ja\u200Bne@gmail.com", "\u2060jane\u200D@gmail.com", "ｊａｎｅ@gmail.com", " jane@gmail.com "}) {
            assertEquals("jane@gmail.com", Emails.forKeys(variant), variant);
        }
    }

    @Test
    void dotsCountWhereTheDomainDoesNotIgnoreThemAndTheAddressIsOtherwiseKept() {
        assertEquals("j.ane@example.com", Emails.forKeys("J.Ane+tag@Example.com"));
        assertEquals("+only@example.com", Emails.forKeys("+only@example.com"), "a local part that is all tag stays");
        assertEquals("no-at-sign", Emails.forKeys("No-At-Sign"));
    }

    @Test
    void namesCompareWithoutCaseSpacingOrInvisibleCharacters() {
        assertEquals("ann archer", Emails.nameForKeys("  Ann   ARCHER "));
        assertEquals("ann archer", Emails.nameForKeys("Ann\u200B Archer"));
    }
}
