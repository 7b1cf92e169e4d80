package dev.broadsheet.editor.comments;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.editor.Editor;
import dev.broadsheet.editor.EditorException;
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
import java.util.concurrent.Callable;

/** {@code close} and {@code open}: whether an article takes new comments. */
abstract class CommentsSwitchCommand implements Callable<Integer> {

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
        if (!Slugs.isSlug(slug)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "\"" + slug + "\" is not a slug (lower-case words joined by hyphens)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context, Targets.Scope.COMMENTS)) {
            Moderation moderation = destination.moderation();
            Article article = destination.articles().find(slug).orElseThrow(() -> notFound(destination));
            String state = open() ? "open" : "closed";
            switch (open() ? moderation.open(slug) : moderation.close(slug)) {
                case UNCHANGED -> {
                    out.println("Unchanged: comments on " + slug + " were already " + state + "; nothing written");
                    return 0;
                }
                case NOT_FOUND, ARTICLE_NOT_FOUND -> throw notFound(destination);
                case CONFLICT, CHANGED_MEANWHILE -> throw new EditorException("article " + slug
                        + " kept changing while comments were being " + (open() ? "opened" : "closed") + "; run the command again");
                case CHANGED -> {
                    // Reported below.
                }
            }
            out.println(open()
                    ? "Opened comments on " + slug + ": new comments are accepted again (unless the article is older than"
                            + " COMMENTS_CLOSE_AFTER_DAYS)"
                    : "Closed comments on " + slug + ": new comments are refused (403); its " + article.commentCount()
                            + (article.commentCount() == 1 ? " approved comment stays listed" : " approved comments stay listed"));
            return 0;
        }
    }

    private EditorException notFound(Target destination) {
        return new EditorException("there is no article " + slug + " in " + destination.description());
    }

    @Command(name = "close", description = "Close an article's comments: new submissions are refused (403); approved comments stay listed.")
    public static final class Close extends CommentsSwitchCommand {
        public Close(Editor.Context context) {
            super(context);
        }

        @Override
        boolean open() {
            return false;
        }
    }

    @Command(name = "open", description = {"Open an article's comments again.",
            "Articles older than the stack's COMMENTS_CLOSE_AFTER_DAYS stay closed to new comments."})
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
