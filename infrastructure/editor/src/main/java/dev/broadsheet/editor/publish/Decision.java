package dev.broadsheet.editor.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Who made an editorial decision and when: kept with the article so that the editor who reverses
 * it is told whose decision it was.
 *
 * @param by the editor's name ({@code BROADSHEET_EDITOR}, else the login name): a label, not an identity check
 */
public record Decision(String by, Instant at) {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    /** " by jane at 2026-11-29 07:10Z", or "" when not recorded. */
    public static String describe(Decision decision) {
        return decision == null ? "" : " by " + decision.by() + " at " + MINUTES.format(decision.at());
    }
}
