package dev.broadsheet.editor.comments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.comments.moderation.Moderation.PendingComment;
import dev.broadsheet.editor.Arguments;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.EditorException;
import dev.broadsheet.editor.ListingOptions;
import dev.broadsheet.editor.TargetOptions;
import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.terminal.DisplayWidth;
import dev.broadsheet.editor.terminal.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The moderation queue, three lines a comment so that the id (what approve, spam and trash take)
 * is never cut: the id and time, the author, email and why it was held, then the start of the text.
 */
@Command(name = "pending", description = {
        "List the comments waiting for moderation, oldest first, of one article or of all.",
        "Each comment takes three lines: its id (what approve, spam and trash take) and time; author, email and why it"
                + " was held; the start of its text. Lines fit the terminal (COLUMNS, else 100 columns), except an id"
                + " longer than that, which is never cut; --json prints one JSON document for scripts instead."},
        footer = {"", "Examples:",
                "  broadsheet comments pending --local",
                "  broadsheet comments pending --article city-council-approves-new-bridge --limit 20 --local",
                "  broadsheet comments pending --json --stack broadsheet"})
public final class PendingCommand implements Callable<Integer> {

    static final int AUTHOR_WIDTH = 30;
    static final int EMAIL_WIDTH = 40;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--article", paramLabel = "SLUG", description = "Only this article's comments.")
    String slug;

    @Mixin
    ListingOptions listing;

    @Mixin
    TargetOptions.WithCommentTables target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    public PendingCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Arguments.slug(spec, slug);
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context)) {
            if (slug != null && destination.articles().find(slug).isEmpty()) {
                throw new EditorException("there is no article " + slug + " in " + destination.description()
                        + " (broadsheet list shows the slugs)");
            }
            List<PendingComment> pending = destination.moderation().pending(slug);
            List<PendingComment> shown = listing.shown(pending);
            if (listing.json()) {
                listing.printJson(out, destination, shown, pending.size(), "comments", PendingCommand::json);
                return 0;
            }
            int width = context.columns();
            for (PendingComment comment : shown) {
                String created = MINUTES.format(Instant.parse(comment.createdAt()));
                String first = comment.moderationId() + "  " + created;
                out.println(DisplayWidth.of(first) <= width ? first : comment.moderationId());
                String held = comment.heldBecause() == null ? "" : "  held: " + TerminalText.oneLine(comment.heldBecause());
                out.println(DisplayWidth.truncate("  " + TerminalText.clip(comment.author(), AUTHOR_WIDTH) + " <"
                        + TerminalText.clip(comment.email(), EMAIL_WIDTH) + ">" + held, width));
                out.println("  " + TerminalText.excerpt(comment.contentHtml(), width - 2));
            }
            String where = (slug == null ? "" : " on " + slug) + " in " + destination.description();
            String count = pending.size() + (pending.size() == 1 ? " pending comment" : " pending comments");
            out.println(DisplayWidth.truncate(pending.isEmpty() ? "No pending comments" + where
                    : (shown.size() < pending.size() ? shown.size() + " of " + count : count) + where, width));
            return 0;
        }
    }

    private static void json(PendingComment comment, ObjectNode node) {
        node.put("id", comment.moderationId())
                .put("article", comment.articleSlug())
                .put("author", comment.author())
                .put("email", comment.email())
                .put("url", comment.url())
                .put("createdAt", comment.createdAt())
                .put("heldBecause", comment.heldBecause())
                .put("text", TerminalText.plain(comment.contentHtml()))
                .put("html", comment.contentHtml());
    }
}
