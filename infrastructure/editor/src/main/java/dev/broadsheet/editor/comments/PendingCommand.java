package dev.broadsheet.editor.comments;

import dev.broadsheet.core.Slugs;
import dev.broadsheet.comments.moderation.Moderation.PendingComment;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.TargetOptions;
import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.destination.Targets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "pending", description = {
        "List the comments waiting for moderation, oldest first, of one article or of all:",
        "id, article, author, email, time, why it was held, and the start of the text."})
public final class PendingCommand implements Callable<Integer> {

    static final int AUTHOR_WIDTH = 20;
    static final int EMAIL_WIDTH = 30;
    static final int EXCERPT_WIDTH = 60;
    static final int HELD_BECAUSE_WIDTH = 40;

    @Parameters(paramLabel = "SLUG", arity = "0..1", description = "Only this article's comments.")
    String slug;

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    public PendingCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (slug != null && !Slugs.isSlug(slug)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "\"" + slug + "\" is not a slug (lower-case words joined by hyphens)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context, Targets.Scope.COMMENTS)) {
            List<PendingComment> pending = destination.moderation().pending(slug);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "ARTICLE", "AUTHOR", "EMAIL", "CREATED", "HELD BECAUSE", "TEXT"});
            for (PendingComment comment : pending) {
                rows.add(new String[] {comment.moderationId(), comment.articleSlug(),
                        TerminalText.clip(comment.author(), AUTHOR_WIDTH), TerminalText.clip(comment.email(), EMAIL_WIDTH),
                        Instant.parse(comment.createdAt()).truncatedTo(ChronoUnit.SECONDS).toString(),
                        TerminalText.clip(comment.heldBecause(), HELD_BECAUSE_WIDTH), TerminalText.excerpt(comment.contentHtml(), EXCERPT_WIDTH)});
            }
            if (!pending.isEmpty()) {
                print(out, rows);
            }
            String where = (slug == null ? "" : " on " + slug) + " in " + destination.description();
            out.println(pending.isEmpty() ? "No pending comments" + where
                    : pending.size() + (pending.size() == 1 ? " pending comment" : " pending comments") + where);
            return 0;
        }
    }

    /** Columns as wide as their widest cell; the last one unpadded. */
    private static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
