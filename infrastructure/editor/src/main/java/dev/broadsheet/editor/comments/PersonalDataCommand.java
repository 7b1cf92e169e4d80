package dev.broadsheet.editor.comments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.comments.moderation.PersonalData;
import dev.broadsheet.core.Json;
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
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code export} and {@code erase}: the answers to a reader's request for their data (GDPR articles
 * 15 and 17), by email address (any +tag, case or Gmail dots name the same mailbox).
 */
abstract class PersonalDataCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EMAIL", description = "The reader's email address.")
    String email;

    @Mixin
    TargetOptions.WithPersonalDataTables target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    PersonalDataCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        EmailArgument.check(spec, email);
        try (Target destination = target.open(context)) {
            return run(destination.personalData(), destination, spec.commandLine().getOut());
        }
    }

    abstract int run(PersonalData personalData, Target destination, PrintWriter out) throws JsonProcessingException;

    @Command(name = "export", description = "Print, as one JSON document, every comment and record held about an email"
            + " address: the answer to a reader's request for their data. Reads only.",
            footer = {"", "Example:", "  broadsheet comments export reader@example.com --local > reader.json"})
    public static final class Export extends PersonalDataCommand {
        public Export(Editor.Context context) {
            super(context);
        }

        @Override
        int run(PersonalData personalData, Target destination, PrintWriter out) throws JsonProcessingException {
            PersonalData.Report report = personalData.export(email);
            ObjectNode document = Json.MAPPER.createObjectNode();
            document.put("email", report.email());
            document.put("matchedAs", report.keyForm());
            document.put("target", destination.description());
            document.put("exportedAt", Clock.systemUTC().instant().toString());
            document.set("comments", Json.MAPPER.valueToTree(report.comments()));
            document.set("records", Json.MAPPER.valueToTree(report.records()));
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            return 0;
        }
    }

    @Command(name = "erase", description = "Erase an email address: its records (a ban of it included) and, from its comments,"
            + " the address, its hashes and the author's URL. The comments stay, attributed to \"" + PersonalData.ANONYMOUS + "\","
            + " or are deleted with --delete-comments (article comment counts follow, as with trash). The answer to a"
            + " reader's request for erasure; run `export` first if they asked for their data too.",
            footer = {"", "Examples:", "  broadsheet comments erase reader@example.com --local",
                    "  broadsheet comments erase reader@example.com --delete-comments --stack broadsheet"})
    public static final class Erase extends PersonalDataCommand {

        @Option(names = "--delete-comments", description = "Delete the comments too, rather than keeping them as "
                + PersonalData.ANONYMOUS + "'s. A comment that replies hang under stays as their removed placeholder, emptied.")
        boolean deleteComments;

        public Erase(Editor.Context context) {
            super(context);
        }

        @Override
        int run(PersonalData personalData, Target destination, PrintWriter out) {
            PersonalData.Erasure erased;
            try {
                erased = personalData.erase(email, deleteComments);
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("broadsheet: " + e.getMessage());
                return Editor.FAILED;
            }
            int comments = erased.commentsAnonymised() + erased.commentsDeleted() + erased.placeholdersEmptied();
            if (comments == 0 && erased.recordsDeleted() == 0 && erased.recordsExpiring() == 0) {
                out.println("Nothing held about " + email + " in " + destination.description() + "; nothing written");
                return 0;
            }
            if (erased.commentsAnonymised() > 0) {
                out.println("Anonymised: " + erased.commentsAnonymised() + " comment(s), now by " + PersonalData.ANONYMOUS);
            }
            if (erased.commentsDeleted() > 0) {
                out.println("Deleted:    " + erased.commentsDeleted() + " comment(s)");
            }
            if (erased.placeholdersEmptied() > 0) {
                out.println("Emptied:    " + erased.placeholdersEmptied()
                        + " comment(s) that replies hang under, kept as their removed placeholder");
            }
            out.println("Deleted:    " + erased.recordsDeleted() + " record(s)"
                    + (erased.banLifted() ? ", the ban of the address among them (keeping it would keep the address)" : ""));
            if (erased.recordsExpiring() > 0) {
                out.println("Expiring:   " + erased.recordsExpiring() + " flood or rate marker(s), keyed hashes that no record links"
                        + " to the address any more, within the hour");
            }
            out.println("Erased " + email + " from " + destination.description());
            return 0;
        }
    }
}
