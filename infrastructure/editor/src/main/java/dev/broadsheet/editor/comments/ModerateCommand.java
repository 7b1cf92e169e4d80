package dev.broadsheet.editor.comments;

import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.moderation.Moderation.Result;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.TargetOptions;
import dev.broadsheet.editor.destination.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * {@code approve}, {@code spam} and {@code trash}: one decision for several comments, each reported
 * on its own line (changed, unchanged, not found). Every id is checked before any is changed; an id
 * that names no comment makes the exit code 1 after the others are done.
 */
abstract class ModerateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Comment ids, <article slug>/<comment id>, as `pending` lists them.")
    List<String> ids;

    @Mixin
    TargetOptions.WithCommentTables target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;
    /** The status the comments get, as the output says it: "approved", "spam", "trash". */
    private final String outcome;
    private final BiFunction<Moderation, String, Result> operation;

    ModerateCommand(Editor.Context context, String outcome, BiFunction<Moderation, String, Result> operation) {
        this.context = context;
        this.outcome = outcome;
        this.operation = operation;
    }

    @Override
    public Integer call() {
        List<String> malformed = new ArrayList<>();
        for (String id : ids) {
            try {
                Moderation.parse(id);
            } catch (IllegalArgumentException e) {
                malformed.add(id);
            }
        }
        if (!malformed.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a comment id: " + String.join(", ", malformed)
                    + " (a comment id is <article slug>/<comment id>, as `broadsheet comments pending` lists it); nothing changed");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> notFound = new ArrayList<>();
        List<String> notDone = new ArrayList<>();
        int changed = 0;
        int unchanged = 0;
        try (Target destination = target.open(context)) {
            Moderation moderation = destination.moderation();
            for (String id : new LinkedHashSet<>(ids)) {
                switch (operation.apply(moderation, id)) {
                    case CHANGED -> {
                        changed++;
                        out.println("Changed:   " + id + " is now " + outcome);
                    }
                    case UNCHANGED -> {
                        unchanged++;
                        out.println("Unchanged: " + id + " was already " + outcome);
                    }
                    case NOT_FOUND -> {
                        notFound.add(id);
                        out.println("Not found: " + id);
                    }
                    case ARTICLE_NOT_FOUND -> {
                        notFound.add(id);
                        out.println("Not found: " + id + " (its article is gone)");
                    }
                    case CHANGED_MEANWHILE -> {
                        notDone.add(id);
                        out.println("Not done:  " + id + " was moderated by someone else meanwhile; theirs stands (see pending)");
                    }
                    case CONFLICT -> {
                        notDone.add(id);
                        out.println("Not done:  " + id + " was busy in other transactions; run the command again for it");
                    }
                }
            }
            out.println(changed + " changed, " + unchanged + " unchanged, " + notFound.size() + " not found"
                    + (notDone.isEmpty() ? "" : ", " + notDone.size() + " not done") + " in " + destination.description());
        }
        if (!notDone.isEmpty()) {
            spec.commandLine().getErr().println("broadsheet: not done: " + String.join(", ", notDone)
                    + " (nothing was written for them; the others were done)");
            return Editor.FAILED;
        }
        if (!notFound.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("broadsheet: no comment " + String.join(", ", notFound)
                    + ": check the ids with broadsheet comments pending (the others were done)");
            return Editor.FAILED;
        }
        return 0;
    }

    @Command(name = "approve", description = "Approve comments: they appear in GET /articles/{slug}/comments and the"
            + " article's comment count grows with each (in the same transaction).",
            footer = {"", "Example:", "  broadsheet comments approve my-article/01JD4M6Q7X0V9C2Y8K3H5N1R7T --local"})
    public static final class Approve extends ModerateCommand {
        public Approve(Editor.Context context) {
            super(context, "approved", Moderation::approve);
        }
    }

    @Command(name = "spam", description = "Mark comments as spam: never listed; an approved one leaves the list"
            + " and the article's comment count.",
            footer = {"", "Example:", "  broadsheet comments spam my-article/01JD4M6Q7X0V9C2Y8K3H5N1R7T --local"})
    public static final class Spam extends ModerateCommand {
        public Spam(Editor.Context context) {
            super(context, "spam", Moderation::spam);
        }
    }

    @Command(name = "trash", description = "Trash comments: never listed; an approved one leaves the list"
            + " and the article's comment count.",
            footer = {"", "Example:", "  broadsheet comments trash my-article/01JD4M6Q7X0V9C2Y8K3H5N1R7T --local"})
    public static final class Trash extends ModerateCommand {
        public Trash(Editor.Context context) {
            super(context, "trash", Moderation::trash);
        }
    }
}
