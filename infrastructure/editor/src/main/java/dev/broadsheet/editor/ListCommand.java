package dev.broadsheet.editor;

import dev.broadsheet.editor.publish.ArticleTable.Listing;
import dev.broadsheet.editor.destination.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", description = "List every article, published or not: slug, status, published time, image count.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    ListCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Target destination = target.open(context)) {
            List<Listing> listings = destination.articles().list().stream()
                    .sorted(Comparator.comparing((Listing listing) -> listing.publishedAt() == null ? "" : listing.publishedAt())
                            .reversed().thenComparing(Listing::slug))
                    .toList();
            int width = Math.max(4, listings.stream().mapToInt(listing -> listing.slug().length()).max().orElse(0));
            String format = "%-" + width + "s  %-11s  %-24s  %6s%n";
            out.printf(format, "SLUG", "STATUS", "PUBLISHED", "IMAGES");
            for (Listing listing : listings) {
                out.printf(format, listing.slug(), listing.status(), listing.publishedAt() == null ? "-" : listing.publishedAt(),
                        listing.imageCount());
            }
            out.println(listings.size() + (listings.size() == 1 ? " article" : " articles") + " in " + destination.description());
            return 0;
        }
    }
}
