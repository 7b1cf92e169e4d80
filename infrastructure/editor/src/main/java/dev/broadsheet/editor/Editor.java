package dev.broadsheet.editor;

import dev.broadsheet.editor.comments.CommentsCommand;
import dev.broadsheet.editor.destination.LocalApiFile;
import dev.broadsheet.editor.destination.Targets;
import dev.broadsheet.template.ProjectFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
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
    /** Listings are this wide when {@code COLUMNS} does not say (output that is not a terminal). */
    public static final int DEFAULT_COLUMNS = 100;
    /** Who an editor is in the decisions an article records; else the login name. */
    public static final String EDITOR_VARIABLE = "BROADSHEET_EDITOR";

    private Editor() {
    }

    /**
     * What commands need from outside the arguments; tests pass their own.
     *
     * @param localApiFile where the running local API describes its emulators
     * @param environment  {@code BROADSHEET_TARGET}, {@code BROADSHEET_EDITOR}, {@code COLUMNS}
     * @param targets      opens the target a command chose
     */
    public record Context(Supplier<Path> localApiFile, Clock clock, Map<String, String> environment, Targets.Opener targets) {

        public Context(Supplier<Path> localApiFile, Clock clock) {
            this(localApiFile, clock, Map.of());
        }

        public Context(Supplier<Path> localApiFile, Clock clock, Map<String, String> environment) {
            this(localApiFile, clock, environment, Targets.opener(localApiFile));
        }

        public static Context system() {
            return new Context(() -> LocalApiFile.defaultLocation(ProjectFiles.root()), Clock.systemUTC(), System.getenv());
        }

        /** The terminal's width: {@code COLUMNS} (bin/broadsheet sets it from the terminal), else {@value #DEFAULT_COLUMNS}. */
        public int columns() {
            try {
                int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "").strip());
                return columns > 0 ? columns : DEFAULT_COLUMNS;
            } catch (NumberFormatException e) {
                return DEFAULT_COLUMNS;
            }
        }

        /** Who is working: {@code BROADSHEET_EDITOR}, else the login name. */
        public String editorName() {
            String name = environment.get(EDITOR_VARIABLE);
            return name != null && !name.isBlank() ? name.strip() : System.getProperty("user.name", "an editor");
        }
    }

    @Command(name = "broadsheet", mixinStandardHelpOptions = true, version = "broadsheet editor 0.1",
            description = "Publish, pull, update and unpublish Broadsheet articles and their images, import them from WordPress, and moderate comments,"
                    + " on the local API or on AWS.",
            subcommands = {PublishCommand.class, PullCommand.class, UnpublishCommand.class, ListCommand.class,
                    ReindexCommand.class, CommentsCommand.class, ImportCommand.class, CommandLine.HelpCommand.class},
            footer = {"", "Every command that reaches data needs a target: --local, an AWS one (--stack NAME, --profile NAME,"
                    + " --region REGION, --table NAME), or " + TargetOptions.TARGET_VARIABLE + "=local or "
                    + TargetOptions.TARGET_VARIABLE + "=stack:NAME in the environment.",
                    "Exit codes: 0 done, 1 failed, 2 wrong usage. `broadsheet help COMMAND` shows a command's options and examples."})
    static final class Broadsheet implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: publish, pull, unpublish, list, reindex, comments or import");
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
        // Help wraps at the terminal's width, between words; picocli's default is 80.
        commandLine.setUsageHelpWidth(Math.max(60, Math.min(context.columns(), 120)));
        commandLine.setExecutionExceptionHandler(new Failures());
        // Wrong usage: the problem, and where the options are, rather than the whole help above the message.
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter errors = e.getCommandLine().getErr();
            errors.println("broadsheet: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, errors);
            errors.println("(" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help shows its options and examples)");
            return USAGE;
        });
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
