package dev.broadsheet.editor;

import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.publish.StoredArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "reindex", description = {
        "Put every published article in the lists it belongs to (GET /articles, its tags' pages), and",
        "every approved comment in its article's public comment list.",
        "Needed once for what was published or approved before lists had indexes of their own; publish",
        "and moderation do it for what they write. Writes only what is missing; safe to re-run."},
        footer = {"", "Examples:",
                "  broadsheet reindex --local",
                "  broadsheet reindex --stack broadsheet"})
final class ReindexCommand implements Callable<Integer> {

    @Mixin
    TargetOptions.WithCommentTables target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    ReindexCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context)) {
            ArticleTable articles = destination.articles();
            int relisted = 0;
            int published = 0;
            for (StoredArticle stored : articles.list()) {
                if (stored.article().isPublished()) {
                    published++;
                    if (articles.relist(stored.article().slug())) {
                        out.println("Listed " + stored.article().slug());
                        relisted++;
                    }
                }
            }
            out.println(relisted + " of " + published + " published articles listed anew in " + destination.description()
                    + (relisted == 0 ? "; every one was in its lists already" : ""));
            int comments = destination.moderation().listApprovedComments();
            out.println(comments + (comments == 1 ? " approved comment" : " approved comments") + " listed anew");
            return 0;
        }
    }
}
