package dev.broadsheet.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Timestamps;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.publish.StoredArticle;
import dev.broadsheet.editor.terminal.DisplayWidth;
import dev.broadsheet.editor.terminal.Table;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "list", description = {
        "List the articles, newest first, published or not: published time, status, comments, slug and headline.",
        "Lines fit the terminal (COLUMNS, else 100 columns); --json prints one JSON document for scripts instead."},
        footer = {"", "Examples:",
                "  broadsheet list --local",
                "  broadsheet list --status unpublished --stack broadsheet",
                "  broadsheet list --status scheduled --local",
                "  broadsheet list --tag syria --limit 10 --json --local"})
final class ListCommand implements Callable<Integer> {

    /** As listed: a published article whose time has not come is {@code scheduled} (readers do not see it yet). */
    static final String SCHEDULED = "scheduled";
    private static final Set<String> STATUSES = Set.of(ArticleSchema.PUBLISHED, SCHEDULED, ArticleSchema.UNPUBLISHED, "draft");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final Table TABLE = new Table(List.of(
            new Table.Column("PUBLISHED (UTC)", 16, 3),
            new Table.Column("STATUS", 11, 4),
            new Table.Column("COMMENTS", 8, 5),
            new Table.Column("SLUG", 24, 1),
            new Table.Column("HEADLINE", 20, 0)));

    @Option(names = "--status", paramLabel = "STATUS", description = "Only articles with this status: published (readers see it), scheduled (published for a future time), unpublished or draft.")
    String status;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only articles with this tag.")
    String tag;

    @Mixin
    ListingOptions listing;

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    private final Editor.Context context;

    ListCommand(Editor.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (status != null && !STATUSES.contains(status)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--status must be published, scheduled, unpublished or draft, not " + status);
        }
        if (tag != null && !Slugs.isTag(tag)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tag \"" + tag + "\" is not a tag (lower-case words joined by hyphens)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant now = context.clock().instant();
        try (Target destination = target.open(context)) {
            List<Article> matching = destination.articles().list().stream().map(StoredArticle::article)
                    .filter(article -> status == null || status.equals(status(article, now)))
                    .filter(article -> tag == null || article.tagSlugs().contains(tag))
                    .sorted(Comparator.comparing(Article::publishedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                            .thenComparing(Article::slug))
                    .toList();
            List<Article> shown = listing.shown(matching);
            if (listing.json()) {
                listing.printJson(out, destination, shown, matching.size(), "articles", (article, node) -> json(article, node, now));
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (Article article : shown) {
                rows.add(List.of(article.publishedAt() == null ? "-" : MINUTES.format(article.publishedAt()), status(article, now),
                        (article.commentsOpen() ? "open " : "closed ") + article.commentCount(), article.slug(),
                        TerminalText.oneLine(article.headline())));
            }
            if (!shown.isEmpty()) {
                TABLE.render(rows, context.columns()).forEach(out::println);
            }
            out.println(DisplayWidth.truncate(summary(shown.size(), matching.size()) + " in " + destination.description(),
                    context.columns()));
            return 0;
        }
    }

    private String summary(int shown, int matching) {
        List<String> filters = new ArrayList<>();
        if (status != null) {
            filters.add("status " + status);
        }
        if (tag != null) {
            filters.add("tag " + tag);
        }
        String articles = matching == 1 ? " article" : " articles";
        String count = shown < matching ? shown + " of " + matching + articles : matching + articles;
        return (matching == 0 ? "No articles" : count) + (filters.isEmpty() ? "" : " with " + String.join(" and ", filters));
    }

    /** The stored status, except {@code scheduled} for a published article whose time is still to come. */
    private static String status(Article article, Instant now) {
        return ArticleSchema.isScheduled(article.status(), article.publishedAt(), now) ? SCHEDULED : article.status();
    }

    private static void json(Article article, ObjectNode node, Instant now) {
        node.put("slug", article.slug());
        node.put("headline", article.headline());
        node.put("status", status(article, now));
        node.put("publishedAt", Timestamps.format(article.publishedAt()));
        node.put("updatedAt", Timestamps.format(article.updatedAt()));
        ArrayNode tags = node.putArray("tags");
        article.tagSlugs().forEach(tags::add);
        node.put("commentsOpen", article.commentsOpen());
        node.put("commentCount", article.commentCount());
        node.put("images", (article.heroImage() == null ? 0 : 1) + article.body().stream().mapToLong(block -> block.images().size()).sum());
        node.put("version", article.version());
    }
}
