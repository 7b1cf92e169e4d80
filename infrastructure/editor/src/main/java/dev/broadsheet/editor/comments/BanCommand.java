package dev.broadsheet.editor.comments;

import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.TargetOptions;
import dev.broadsheet.editor.destination.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * {@code ban} and {@code unban}: an email, or the client address of a comment ({@code --address-of
 * SLUG/ID}, by the keyed hash stored with the comment; the address itself was never stored). A
 * banned submission looks accepted to its sender and goes straight to spam: never listed, never queued.
 */
abstract class BanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EMAIL", arity = "0..1", description = "The email address (any +tag, case or Gmail dots name the same mailbox).")
    String email;

    @Option(names = "--address-of", paramLabel = "SLUG/ID", description = "The client address this comment was posted from.")
    String addressOf;

    @Mixin
    TargetOptions.WithCommentTables target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;
    /** What the output says: "banned", "unbanned"; and why nothing changed: "was already banned". */
    private final String done;
    private final String unchanged;
    /** Bans or unbans an email: whether anything changed. */
    private final BiFunction<Moderation, String, Boolean> byEmail;
    /** Bans or unbans the address of a comment: empty when there is no such comment. */
    private final BiFunction<Moderation, String, Optional<Boolean>> byAddressOf;

    BanCommand(Editor.Context context, String done, String unchanged, BiFunction<Moderation, String, Boolean> byEmail,
               BiFunction<Moderation, String, Optional<Boolean>> byAddressOf) {
        this.context = context;
        this.done = done;
        this.unchanged = unchanged;
        this.byEmail = byEmail;
        this.byAddressOf = byAddressOf;
    }

    @Override
    public Integer call() {
        if ((email == null) == (addressOf == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Name an EMAIL or --address-of SLUG/ID (one of them)");
        }
        if (email != null) {
            EmailArgument.check(spec, email);
        }
        if (addressOf != null) {
            try {
                Moderation.parse(addressOf);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context)) {
            Moderation moderation = destination.moderation();
            String what = email != null ? email : "the address of " + addressOf;
            Optional<Boolean> changed = email != null ? Optional.of(byEmail.apply(moderation, email))
                    : byAddressOf.apply(moderation, addressOf);
            if (changed.isEmpty()) {
                spec.commandLine().getErr().println("broadsheet: no comment " + addressOf + " in " + destination.description()
                        + ": check the id with broadsheet comments pending");
                return Editor.FAILED;
            }
            out.println(changed.get() ? "Changed:   " + what + " is now " + done : "Unchanged: " + what + " " + unchanged
                    + "; nothing written");
            return 0;
        }
    }

    @Command(name = "ban", description = "Ban an email, or the address a comment was posted from: their submissions"
            + " look accepted (201, pending) and go straight to spam, never listed and never in the queue.",
            footer = {"", "Examples:", "  broadsheet comments ban spammer@example.com --local",
                    "  broadsheet comments ban --address-of my-article/01JD4M6Q7X0V9C2Y8K3H5N1R7T --local"})
    public static final class Ban extends BanCommand {
        public Ban(Editor.Context context) {
            super(context, "banned", "was already banned", Moderation::banEmail, Moderation::banAddressOf);
        }
    }

    @Command(name = "unban", description = "Lift a ban of an email, or of the address a comment was posted from.",
            footer = {"", "Example:", "  broadsheet comments unban spammer@example.com --local"})
    public static final class Unban extends BanCommand {
        public Unban(Editor.Context context) {
            super(context, "unbanned", "was not banned", Moderation::unbanEmail, Moderation::unbanAddressOf);
        }
    }
}
