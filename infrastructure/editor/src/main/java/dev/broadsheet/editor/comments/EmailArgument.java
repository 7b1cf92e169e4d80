package dev.broadsheet.editor.comments;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.regex.Pattern;

/** An email address given on the command line (bans, a reader's data): checked before anything is read or written. */
final class EmailArgument {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailArgument() {
    }

    static void check(CommandSpec spec, String email) {
        if (!EMAIL.matcher(email).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "\"" + email + "\" is not an email address");
        }
    }
}
