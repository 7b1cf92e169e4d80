package dev.broadsheet.comments.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * One mailbox, one key: the form of an email address that flood, duplicate, rate, standing and
 * ban keys are made of, so that {@code Jane+1@Gmail.com}, {@code j.ane@gmail.com} and an address
 * with a zero-width space are the same reader. Keys only: the address stored and shown to editors
 * stays as typed.
 */
public final class Emails {

    /** Domains whose mailboxes ignore dots in the local part; googlemail.com is gmail.com. */
    private static final Set<String> DOTLESS_DOMAINS = Set.of("gmail.com", "googlemail.com");

    private Emails() {
    }

    /**
     * Compatibility-normalized (NFKC: full-width letters become ASCII), without invisible format
     * characters (zero-width spaces and joiners, bidi marks), case-folded, without a {@code +tag},
     * and for the dotless domains without dots in the local part.
     */
    public static String forKeys(String email) {
        String folded = visibleFolded(email);
        int at = folded.lastIndexOf('@');
        if (at < 0) {
            return folded;
        }
        String local = folded.substring(0, at);
        String domain = folded.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (DOTLESS_DOMAINS.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    /** An author's name as standing keys compare it: NFKC, no format characters, case-folded, spaces collapsed. */
    public static String nameForKeys(String name) {
        return visibleFolded(name).replaceAll("\\s+", " ");
    }

    private static String visibleFolded(String text) {
        String compatible = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
        StringBuilder visible = new StringBuilder(compatible.length());
        compatible.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(visible::appendCodePoint);
        return visible.toString().toLowerCase(Locale.ROOT);
    }
}
