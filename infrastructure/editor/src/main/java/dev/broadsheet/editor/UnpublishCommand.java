package dev.broadsheet.editor;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.destination.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "unpublish", description = {
        "Take an article out of the API and its lists.",
        "It stays in the table (publish it again to bring it back); its images stay in the bucket,",
        "but the images route signs no image of an unpublished article."})
final class UnpublishCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SLUG", description = "The article's slug.")
    String slug;

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    UnpublishCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!Slugs.isSlug(slug)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "\"" + slug + "\" is not a slug (lower-case words joined by hyphens)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context)) {
            ArticleTable articles = destination.articles();
            ArticleTable.Stored stored = articles.findStored(slug).orElseThrow(() ->
                    new EditorException("there is no article " + slug + " in " + destination.description()));
            Article article = stored.article();
            if (!article.isPublished()) {
                out.println("Unchanged: " + slug + " is not published (status " + article.status() + "); nothing written");
                return 0;
            }
            articles.unpublish(stored, context.clock().instant());
            out.println("Unpublished " + slug + " (version " + (article.version() + 1) + ")");
            return 0;
        }
    }
}
