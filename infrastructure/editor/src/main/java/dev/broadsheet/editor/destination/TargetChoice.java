package dev.broadsheet.editor.destination;

/**
 * Where a command is to work, as chosen on the command line or with {@code BROADSHEET_TARGET},
 * before anything is opened or contacted.
 */
public sealed interface TargetChoice {

    /** The running local API's emulators ({@code --local}). */
    record Local() implements TargetChoice {
    }

    /**
     * A deployed stack or explicitly named tables and bucket.
     *
     * @param profile null: the default credential chain
     * @param region  null: the profile's or the environment's
     * @param stack   whose outputs name what {@code names} leaves out
     */
    record Aws(String profile, String region, String stack, Targets.Names names) implements TargetChoice {
    }
}
