package dev.broadsheet.editor;

import dev.broadsheet.editor.comments.CommentsCommand;
import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.template.ProjectFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code broadsheet}: the editor command line. Subcommands are classes listed in
 * {@link Broadsheet}; a group of subcommands (such as {@code broadsheet comments ...}) is a command
 * class with subcommands of its own, listed there the same way. Every command gets the
 * {@link Context} through its constructor and the target flags through {@link TargetOptions}.
 *
 * <p>Exit codes: 0 done, 1 failed (the message says what to do), 2 wrong usage.
 */
public final class Editor {

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Editor() {
    }

    /**
     * What commands need from outside the arguments; tests pass their own.
     *
     * @param localApiFile where the running local API describes its emulators
     */
    public record Context(Supplier<Path> localApiFile, Clock clock) {

        public static Context system() {
            return new Context(() -> LocalApiFile.defaultLocation(ProjectFiles.root()), Clock.systemUTC());
        }
    }

    @Command(name = "broadsheet", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "broadsheet editor 0.1",
            description = "Publish, update and unpublish Broadsheet articles and their images, and moderate comments, locally or on AWS.",
            subcommands = {PublishCommand.class, UnpublishCommand.class, ListCommand.class, ReindexCommand.class,
                CommentsCommand.class},
            footer = {"", "Exit codes: 0 done, 1 failed, 2 wrong usage.",
                    "Examples:",
                    "  broadsheet publish article.json --local",
                    "  broadsheet publish article.json --profile editor --region eu-west-1",
                    "  broadsheet list --stack broadsheet",
                    "  broadsheet unpublish my-article --local",
                    "  broadsheet comments pending --local"})
    static final class Broadsheet implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: publish, unpublish, list or comments");
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Context.system()));
    }

    /** Runs one command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Context context) {
        CommandLine commandLine = new CommandLine(new Broadsheet(), new ContextFactory(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new Failures());
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Builds commands with the context when they take one. */
    private record ContextFactory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Context.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
