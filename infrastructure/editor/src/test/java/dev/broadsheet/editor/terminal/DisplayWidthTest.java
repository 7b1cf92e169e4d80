package dev.broadsheet.editor.terminal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayWidthTest {

    @Test
    void everyCodePointIsWideExactlyWhenUnicodeSaysSo() {
        List<String> wrong = new ArrayList<>();
        for (int c = 0x300; c <= Character.MAX_CODE_POINT; c++) {
            int eaw = UCharacter.getIntPropertyValue(c, UProperty.EAST_ASIAN_WIDTH);
            boolean wide = eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH;
            int type = Character.getType(c);
            boolean zero = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                    || (c >= 0x1160 && c <= 0x11FF);
            int expected = zero ? 0 : wide ? 2 : 1;
            if (DisplayWidth.of(c) != expected && wrong.size() < 20) {
                wrong.add(Integer.toHexString(c) + "=" + DisplayWidth.of(c) + " (expected " + expected + ")");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void marksAndFormatCharactersTakeNoColumnWhereTheJdkAndUnicodeAgree() {
        // The zero widths come from the JDK's general categories: check them against ICU's for the characters both know.
        List<String> wrong = new ArrayList<>();
        for (int c = 0x300; c <= Character.MAX_CODE_POINT; c++) {
            if (!Character.isDefined(c)) {
                continue;
            }
            int icuType = UCharacter.getType(c);
            boolean icuZero = icuType == UCharacter.NON_SPACING_MARK || icuType == UCharacter.ENCLOSING_MARK
                    || icuType == UCharacter.FORMAT;
            if (icuZero && DisplayWidth.of(c) != 0 && wrong.size() < 20) {
                wrong.add(Integer.toHexString(c));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void textIsMeasuredAsTerminalsDrawIt() {
        assertEquals(5, DisplayWidth.of("Hello"));
        assertEquals(8, DisplayWidth.of("東京新聞"), "CJK: two columns each");
        assertEquals(6, DisplayWidth.of("한국어"), "Hangul syllables");
        assertEquals(4, DisplayWidth.of("ｱｲｳｴ"), "halfwidth katakana: one each");
        assertEquals(4, DisplayWidth.of("Ａｂ"), "fullwidth Latin: two each");
        assertEquals(4, DisplayWidth.of("café"), "precomposed é");
        assertEquals(4, DisplayWidth.of("cafe\u0301"), "e + combining acute");
        assertEquals(2, DisplayWidth.of("😀"));
        assertEquals(2, DisplayWidth.of("✅"), "emoji presentation in the BMP (JLine counts 1)");
        assertEquals(2, DisplayWidth.of("👍🏽"), "a skin tone joins its emoji");
        assertEquals(2, DisplayWidth.of("👨\u200D👩\u200D👧"), "a ZWJ family is one emoji");
        assertEquals(2, DisplayWidth.of("🇯🇵"), "two regional indicators are one flag");
        assertEquals(1, DisplayWidth.of("❤"), "text presentation");
        assertEquals(0, DisplayWidth.of("\u200B"), "zero width space");
    }

    @Test
    void truncationKeepsWithinTheColumnsWithAnEllipsisAndNeverSplitsACharacter() {
        assertEquals("abcd…", DisplayWidth.truncate("abcdefgh", 5));
        assertEquals("abcde", DisplayWidth.truncate("abcde", 5));
        assertEquals("東京…", DisplayWidth.truncate("東京新聞", 6));
        assertEquals("東京…", DisplayWidth.truncate("東京新聞", 5), "a wide character that does not fit is left out whole");
        assertEquals("cafe\u0301…", DisplayWidth.truncate("cafe\u0301 au lait", 5), "the mark stays with its letter");
        assertEquals("a…", DisplayWidth.truncate("a👨\u200D👩\u200D👧", 2), "an emoji sequence is not cut apart");
        for (int columns = 1; columns < 20; columns++) {
            for (String text : List.of("City council 東京 approves 😀 new bridge", "Ünïcödé ☕ ✅ 🇯🇵 text")) {
                String cut = DisplayWidth.truncate(text, columns);
                assertTrue(DisplayWidth.of(cut) <= columns, cut + " in " + columns);
            }
        }
    }

    @Test
    void paddingFillsToTheColumnsInDisplayWidth() {
        assertEquals("東京  ", DisplayWidth.pad("東京", 6));
        assertEquals(6, DisplayWidth.of(DisplayWidth.pad("😀a", 6)));
    }
}
