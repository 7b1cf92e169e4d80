package dev.broadsheet.editor;

import dev.broadsheet.editor.destination.Target;
import dev.broadsheet.editor.destination.Targets;
import picocli.CommandLine.Option;

/** Where a command works, and how much it says on failure: a mixin of every command that touches data. */
public final class TargetOptions {

    @Option(names = "--local", description = "Use the running local API's emulators (start it first).")
    boolean local;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (default: the default credential chain).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the profile's or the environment's).")
    String region;

    @Option(names = "--stack", paramLabel = "NAME", defaultValue = "broadsheet",
            description = "CloudFormation stack whose outputs name the tables and bucket (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--table", paramLabel = "NAME", description = "Articles table name (skips the stack lookup with --bucket, or for comment commands with --comments-table and --guards-table).")
    String table;

    @Option(names = "--bucket", paramLabel = "NAME", description = "Images bucket name (skips the stack lookup with --table).")
    String bucket;

    @Option(names = "--comments-table", paramLabel = "NAME",
            description = "Comments table name (comment commands; skips the stack lookup with --table and --guards-table).")
    String commentsTable;

    @Option(names = "--guards-table", paramLabel = "NAME",
            description = "Guards table name (comment commands; skips the stack lookup with --table and --comments-table).")
    String guardsTable;

    @Option(names = "--verbose", description = "Show stack traces of failures.")
    boolean verbose;

    /** The articles table and images bucket (publish, unpublish, list). */
    public Target open(Editor.Context context) {
        return open(context, Targets.Scope.ARTICLES);
    }

    public Target open(Editor.Context context, Targets.Scope scope) {
        if (local) {
            if (profile != null || region != null || table != null || bucket != null || commentsTable != null || guardsTable != null) {
                throw new EditorException("--local uses the local API's emulators: leave out --profile, --region, --table, --bucket,"
                        + " --comments-table and --guards-table");
            }
            return Targets.local(context.localApiFile().get());
        }
        return Targets.aws(profile, region, stack, new Targets.Names(table, bucket, commentsTable, guardsTable), scope);
    }
}
