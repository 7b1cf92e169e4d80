package dev.broadsheet.editor;

import dev.broadsheet.core.Slugs;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of arguments that picocli cannot make by type: wrong usage (exit 2) before anything is opened. */
public final class Arguments {

    private Arguments() {
    }

    /** The slug, or wrong usage when it is not one (null passes: an optional slug left out). */
    public static String slug(CommandSpec command, String value) {
        if (value != null && !Slugs.isSlug(value)) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "\"" + value + "\" is not a slug (lower-case words joined by hyphens)");
        }
        return value;
    }
}
