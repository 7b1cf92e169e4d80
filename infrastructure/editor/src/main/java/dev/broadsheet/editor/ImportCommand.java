package dev.broadsheet.editor;

import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.publish.Publisher;
import dev.broadsheet.editor.wordpress.WordPressImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code broadsheet import ...}: bringing articles from another system. */
@Command(name = "import", description = "Import articles, their images and comments from another system.",
        subcommands = {ImportCommand.WordPress.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  broadsheet import wordpress export.xml --uploads wp-content/uploads --local",
                "  broadsheet import wordpress export.xml --dry-run"})
final class ImportCommand implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to import from: wordpress");
    }

    @Command(name = "wordpress", description = {
            "Import a WordPress export (Tools → Export → All content: a WXR file, versions 1.0 to 1.2): posts become"
                    + " articles (published, scheduled, or stored unpublished for drafts, pending, private and"
                    + " password-protected posts), their featured and content images are uploaded from --uploads, their"
                    + " approved comments are listed and pending ones wait in `broadsheet comments pending`.",
            "Safe to run again: what was imported before is left as it is, so a second run changes nothing and an"
                    + " interrupted one completes. An article edited since its import, or another article with the same slug,"
                    + " is never replaced (the report lists it). A line per item, then a report of every kind, every"
                    + " skipped post and every loss."},
            footer = {"", "Examples:",
                    "  broadsheet import wordpress export.xml --uploads ~/site/wp-content/uploads --local",
                    "  broadsheet import wordpress export.xml --uploads uploads --stack broadsheet --profile editor",
                    "  broadsheet import wordpress export.xml --uploads uploads --dry-run"})
    static final class WordPress implements Callable<Integer> {

        @Parameters(paramLabel = "EXPORT.xml", description = "The WordPress export file.")
        Path export;

        @Option(names = "--uploads", paramLabel = "DIR",
                description = "A copy of the site's wp-content/uploads: images are found there by their path after /uploads/."
                        + " Without it every image is left out (and listed).")
        Path uploads;

        @Option(names = "--dry-run", description = "Read the export and the images, print what the import would do, and write"
                + " nothing (no target is contacted).")
        boolean dryRun;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
                description = "Posts imported at once (default: ${DEFAULT-VALUE}).")
        int threads;

        @Mixin
        TargetOptions.WithEverything target;

        @Spec
        CommandLine.Model.CommandSpec spec;

        private final Editor.Context context;

        WordPress(Editor.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(export)) {
                throw new EditorException(export + " does not exist or is not a file");
            }
            if (uploads != null && !Files.isDirectory(uploads)) {
                throw new EditorException("--uploads " + uploads + " is not a folder (give a copy of wp-content/uploads)");
            }
            if (threads < 1 || threads > 32) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 to 32, got " + threads);
            }
            PrintWriter out = spec.commandLine().getOut();
            WordPressImport.Options options = new WordPressImport.Options(export, uploads, dryRun, threads);
            if (dryRun) {
                new WordPressImport(options, null, context.clock(), out).run();
                return 0;
            }
            try (Target destination = target.open(context)) {
                WordPressImport.Destination into = new WordPressImport.Destination(
                        new Publisher(destination.articles(), destination.images(), context.clock()), destination.comments(),
                        destination.description());
                new WordPressImport(options, into, context.clock(), out).run();
                return 0;
            }
        }
    }
}
