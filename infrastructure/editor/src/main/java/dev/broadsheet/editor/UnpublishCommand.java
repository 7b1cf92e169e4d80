package dev.broadsheet.editor;

import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.publish.Decision;
import dev.broadsheet.editor.publish.StoredArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "unpublish", description = {
        "Take an article out of the API and its lists.",
        "It stays in the table (publish it again to bring it back; the publish says it does); its images stay in the"
                + " bucket, but the images route signs no image of an unpublished article."},
        footer = {"", "Examples:",
                "  broadsheet unpublish city-council-approves-new-bridge --local",
                "  broadsheet unpublish city-council-approves-new-bridge --stack broadsheet"})
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
        Arguments.slug(spec, slug);
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context)) {
            StoredArticle stored = destination.articles().find(slug).orElseThrow(() ->
                    new EditorException("there is no article " + slug + " in " + destination.description()));
            if (!stored.article().isPublished()) {
                out.println("Unchanged: " + slug + " is not published (status " + stored.article().status()
                        + Decision.describe(stored.decisions().status()) + "); nothing written");
                return 0;
            }
            destination.articles().unpublish(stored, new Decision(context.editorName(), context.clock().instant()));
            out.println("Unpublished " + slug + " (version " + (stored.version() + 1) + ")");
            return 0;
        }
    }
}
