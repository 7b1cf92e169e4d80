package dev.broadsheet.editor;

import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.destination.TargetChoice;
import dev.broadsheet.editor.destination.Targets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a command works, and how much it says on failure: a mixin of every command that reaches
 * data. There is no implicit target: with neither {@code --local} nor an AWS flag nor
 * {@code BROADSHEET_TARGET}, the command is wrong usage (exit 2) and nothing is contacted, so a
 * forgotten {@code --local} never writes to production. Commands that need more names than the
 * articles table use {@link WithBucket} or {@link WithCommentTables}, so each lists only its own options.
 */
public class TargetOptions {

    /** The environment variable naming a default target: {@code local} or {@code stack:NAME}. */
    public static final String TARGET_VARIABLE = "BROADSHEET_TARGET";
    static final String DEFAULT_STACK = "broadsheet";
    static final String HOW_TO_CHOOSE = "choose where to work: --local (the local API), or AWS with --stack NAME"
            + " (and --profile NAME, --region REGION), or set " + TARGET_VARIABLE + "=local or " + TARGET_VARIABLE
            + "=stack:NAME";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--local", description = "Work on the running local API's emulators (start it first).")
    boolean local;

    @Option(names = "--stack", paramLabel = "NAME",
            description = "Work on this deployed stack (its outputs name the tables and bucket); " + DEFAULT_STACK
                    + " when only --profile, --region or --table is given.")
    String stack;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (default: the default credential chain).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the profile's or the environment's).")
    String region;

    @Option(names = "--table", paramLabel = "NAME", description = "Articles table name, instead of the stack's output.")
    String table;

    @Option(names = "--verbose", description = "Show stack traces of failures.")
    boolean verbose;

    /** The names this command takes on the command line; null where the stack's outputs are to say. */
    Targets.Names names() {
        return new Targets.Names(table, null, null, null, null);
    }

    /** What this command works on: which names it needs. */
    Targets.Scope scope() {
        return Targets.Scope.TABLE;
    }

    /** The flags given that only make sense on AWS. */
    List<String> awsFlags() {
        List<String> given = new ArrayList<>();
        addIf(given, stack, "--stack");
        addIf(given, profile, "--profile");
        addIf(given, region, "--region");
        addIf(given, table, "--table");
        return given;
    }

    static void addIf(List<String> given, String value, String flag) {
        if (value != null) {
            given.add(flag);
        }
    }

    /** The target chosen by the flags or, without any, by {@code BROADSHEET_TARGET}; wrong usage otherwise. */
    public TargetChoice choice(Editor.Context context) {
        List<String> aws = awsFlags();
        if (local && !aws.isEmpty()) {
            throw usage("--local works on the local API's emulators: leave out " + String.join(", ", aws));
        }
        if (local) {
            return new TargetChoice.Local();
        }
        if (!aws.isEmpty()) {
            return new TargetChoice.Aws(profile, region, stack == null ? DEFAULT_STACK : stack, names());
        }
        String configured = context.environment().get(TARGET_VARIABLE);
        if (configured == null || configured.isBlank()) {
            throw usage("no target: " + HOW_TO_CHOOSE);
        }
        if (configured.strip().equals("local")) {
            return new TargetChoice.Local();
        }
        if (configured.strip().startsWith("stack:") && configured.strip().length() > "stack:".length()) {
            return new TargetChoice.Aws(null, null, configured.strip().substring("stack:".length()), names());
        }
        throw usage(TARGET_VARIABLE + "=" + configured + " names no target: set it to local or stack:NAME");
    }

    /** Opens the chosen target (checks the choice first: wrong usage contacts nothing). */
    public Target open(Editor.Context context) {
        return context.targets().open(choice(context), scope());
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }

    /** For commands that also upload or download images: {@code --bucket}. */
    public static class WithBucket extends TargetOptions {

        @Option(names = "--bucket", paramLabel = "NAME", description = "Images bucket name (with --table, no stack lookup).")
        String bucket;

        @Override
        Targets.Names names() {
            return new Targets.Names(table, bucket, null, null, null);
        }

        @Override
        Targets.Scope scope() {
            return Targets.Scope.ARTICLES;
        }

        @Override
        List<String> awsFlags() {
            List<String> given = super.awsFlags();
            addIf(given, bucket, "--bucket");
            return given;
        }
    }

    /** For commands that write articles, images and comments (the import): every name. */
    public static class WithEverything extends WithCommentTables {

        @Option(names = "--bucket", paramLabel = "NAME", description = "Images bucket name (with the three table names, no stack lookup).")
        String bucket;

        @Override
        Targets.Names names() {
            Targets.Names comments = super.names();
            return new Targets.Names(comments.table(), bucket, comments.commentsTable(), comments.guardsTable(), null);
        }

        @Override
        Targets.Scope scope() {
            return Targets.Scope.ALL;
        }

        @Override
        List<String> awsFlags() {
            List<String> given = super.awsFlags();
            addIf(given, bucket, "--bucket");
            return given;
        }
    }

    /** For comment commands: {@code --comments-table} and {@code --guards-table}. */
    public static class WithCommentTables extends TargetOptions {

        @Option(names = "--comments-table", paramLabel = "NAME",
                description = "Comments table name (with --table and --guards-table, no stack lookup).")
        String commentsTable;

        @Option(names = "--guards-table", paramLabel = "NAME",
                description = "Guards table name (with --table and --comments-table, no stack lookup).")
        String guardsTable;

        @Override
        Targets.Names names() {
            return new Targets.Names(table, null, commentsTable, guardsTable, null);
        }

        @Override
        Targets.Scope scope() {
            return Targets.Scope.COMMENTS;
        }

        @Override
        List<String> awsFlags() {
            List<String> given = super.awsFlags();
            addIf(given, commentsTable, "--comments-table");
            addIf(given, guardsTable, "--guards-table");
            return given;
        }
    }

    /** For a reader's personal data (export, erase): the comment tables and {@code --notifications-table}. */
    public static class WithPersonalDataTables extends WithCommentTables {

        @Option(names = "--notifications-table", paramLabel = "NAME",
                description = "Notifications table name (with --table, --comments-table and --guards-table, no stack lookup).")
        String notificationsTable;

        @Override
        Targets.Names names() {
            Targets.Names comments = super.names();
            return new Targets.Names(comments.table(), null, comments.commentsTable(), comments.guardsTable(), notificationsTable);
        }

        @Override
        Targets.Scope scope() {
            return Targets.Scope.PERSONAL_DATA;
        }

        @Override
        List<String> awsFlags() {
            List<String> given = super.awsFlags();
            addIf(given, notificationsTable, "--notifications-table");
            return given;
        }
    }
}
