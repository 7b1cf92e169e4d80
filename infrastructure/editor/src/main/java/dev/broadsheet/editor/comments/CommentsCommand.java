package dev.broadsheet.editor.comments;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code broadsheet comments ...}: the moderation queue and decisions, and closing an article's comments. */
@Command(name = "comments",
        description = "Moderate comments: list the pending ones, approve, mark as spam or trash them, close or open an article,"
                + " ban an email or an address; export or erase what is held about a reader's email.",
        subcommands = {PendingCommand.class, ModerateCommand.Approve.class, ModerateCommand.Spam.class, ModerateCommand.Trash.class,
                CommentsSwitchCommand.Close.class, CommentsSwitchCommand.Open.class,
                BanCommand.Ban.class, BanCommand.Unban.class, BansCommand.class,
                PersonalDataCommand.Export.class, PersonalDataCommand.Erase.class, CommandLine.HelpCommand.class},
        footer = {"", "A comment's id is <article slug>/<comment id>, as `pending` lists it.",
                "Examples:",
                "  broadsheet comments pending --local",
                "  broadsheet comments approve my-article/01JD4M6Q7X0V9C2Y8K3H5N1R7T --local",
                "  broadsheet comments close my-article --stack broadsheet",
                "  broadsheet comments ban spammer@example.com --local",
                "  broadsheet comments ban --address-of my-article/01JD4M6Q7X0V9C2Y8K3H5N1R7T --local",
                "  broadsheet comments export reader@example.com --local",
                "  broadsheet comments erase reader@example.com --local",
                "  broadsheet comments help pending"})
public final class CommentsCommand implements Runnable {

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Name a comments command: pending, approve, spam, trash, close, open, ban, unban, bans, export or erase");
    }
}
