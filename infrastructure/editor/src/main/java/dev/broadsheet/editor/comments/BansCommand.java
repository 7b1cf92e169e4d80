package dev.broadsheet.editor.comments;

import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.TargetOptions;
import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.terminal.DisplayWidth;
import dev.broadsheet.editor.terminal.Table;
import dev.broadsheet.editor.terminal.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bans", description = "List the bans: emails (in the form bans match them by) and comments' addresses"
        + " (named by the comment they were taken from; no address is stored). Lines fit the terminal (COLUMNS, else 100 columns),"
        + " except where a comment id, which unban takes, is longer.",
        footer = {"", "Example:", "  broadsheet comments bans --local"})
public final class BansCommand implements Callable<Integer> {

    private static final Table TABLE = new Table(List.of(
            new Table.Column("KIND", 8, 1), new Table.Column("BANNED", Table.WHOLE, 2), new Table.Column("SINCE", 20, 0)));

    @Mixin
    TargetOptions.WithCommentTables target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    public BansCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context)) {
            List<Moderation.Ban> bans = destination.moderation().bans();
            List<List<String>> rows = bans.stream()
                    .map(ban -> List.of(ban.kind(), TerminalText.oneLine(ban.value()), String.valueOf(ban.bannedAt()))).toList();
            TABLE.render(rows, context.columns()).forEach(out::println);
            out.println(DisplayWidth.truncate(bans.size() + (bans.size() == 1 ? " ban in " : " bans in ") + destination.description(),
                    context.columns()));
            return 0;
        }
    }
}
