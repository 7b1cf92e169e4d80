package dev.broadsheet.editor.comments;

import dev.broadsheet.editor.Arguments;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.EditorException;
import dev.broadsheet.editor.TargetOptions;
import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.publish.ConcurrentEditException;
import dev.broadsheet.editor.publish.Decision;
import dev.broadsheet.editor.publish.StoredArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code close} and {@code open}: whether an article takes new comments. A versioned write like a
 * publish, so a publish that read the article before cannot write the old setting back; who decided
 * is recorded, and a publish that reverses it says whose decision it reverses.
 */
abstract class CommentsSwitchCommand implements Callable<Integer> {

    /** A close retried after someone else's write: it is the same decision on the newer version. */
    private static final int ATTEMPTS = 5;

    @Parameters(paramLabel = "SLUG", description = "The article's slug.")
    String slug;

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    CommentsSwitchCommand(Editor.Context context) {
        this.context = context;
    }

    abstract boolean open();

    @Override
    public Integer call() {
        Arguments.slug(spec, slug);
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context)) {
            ArticleTable articles = destination.articles();
            for (int attempt = 1; ; attempt++) {
                StoredArticle stored = articles.find(slug).orElseThrow(() ->
                        new EditorException("there is no article " + slug + " in " + destination.description()));
                if (stored.article().commentsOpen() == open()) {
                    out.println("Unchanged: comments on " + slug + " were already " + (open() ? "open" : "closed")
                            + Decision.describe(stored.decisions().comments()) + "; nothing written");
                    return 0;
                }
                try {
                    articles.setCommentsOpen(stored, open(), new Decision(context.editorName(), context.clock().instant()));
                } catch (ConcurrentEditException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    continue;
                }
                long count = stored.article().commentCount();
                out.println(open()
                        ? "Opened comments on " + slug + ": new comments are accepted again (unless the article is older than"
                                + " COMMENTS_CLOSE_AFTER_DAYS)"
                        : "Closed comments on " + slug + ": new comments are refused (403); its " + count
                                + (count == 1 ? " approved comment stays listed" : " approved comments stay listed"));
                return 0;
            }
        }
    }

    @Command(name = "close", description = "Close an article's comments: new submissions are refused (403); approved comments stay listed.",
            footer = {"", "Example:", "  broadsheet comments close city-council-approves-new-bridge --local"})
    public static final class Close extends CommentsSwitchCommand {
        public Close(Editor.Context context) {
            super(context);
        }

        @Override
        boolean open() {
            return false;
        }
    }

    @Command(name = "open", description = "Open an article's comments again. Articles older than the stack's"
            + " COMMENTS_CLOSE_AFTER_DAYS stay closed to new comments.",
            footer = {"", "Example:", "  broadsheet comments open city-council-approves-new-bridge --local"})
    public static final class Open extends CommentsSwitchCommand {
        public Open(Editor.Context context) {
            super(context);
        }

        @Override
        boolean open() {
            return true;
        }
    }
}
