package dev.broadsheet.editor.comments;

import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.TargetOptions;
import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.destination.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bans", description = {"List the bans: emails (in the form bans match them by) and comments' addresses",
        "(named by the comment they were taken from; no address is stored)."})
public final class BansCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    public BansCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context, Targets.Scope.COMMENTS)) {
            List<Moderation.Ban> bans = destination.moderation().bans();
            int width = bans.stream().mapToInt(ban -> TerminalText.clip(ban.value(), 120).length()).max().orElse(0);
            width = Math.max(width, "BANNED".length());
            out.println(String.format("%-8s  %-" + width + "s  %s", "KIND", "BANNED", "SINCE"));
            for (Moderation.Ban ban : bans) {
                out.println(String.format("%-8s  %-" + width + "s  %s", ban.kind(), TerminalText.clip(ban.value(), 120), ban.bannedAt()));
            }
            out.println(bans.size() + (bans.size() == 1 ? " ban in " : " bans in ") + destination.description());
            return 0;
        }
    }
}
