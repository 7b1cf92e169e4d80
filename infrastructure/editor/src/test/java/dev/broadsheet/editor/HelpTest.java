package dev.broadsheet.editor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code --help} and {@code broadsheet help COMMAND} say: each command its own options and examples. */
class HelpTest {

    @TempDir
    Path dir;

    private static final List<String> EVERY_OPTION = List.of("--local", "--stack", "--profile", "--region", "--table", "--bucket",
            "--comments-table", "--guards-table", "--overwrite", "--to", "--status", "--tag", "--limit", "--json", "--article");

    @Test
    void eachCommandListsOnlyItsOwnOptions() {
        Map<String, List<String>> own = Map.of(
                "publish", List.of("--local", "--stack", "--profile", "--region", "--table", "--bucket", "--overwrite"),
                "pull", List.of("--local", "--stack", "--profile", "--region", "--table", "--bucket", "--to"),
                "unpublish", List.of("--local", "--stack", "--profile", "--region", "--table"),
                "list", List.of("--local", "--stack", "--profile", "--region", "--table", "--status", "--tag", "--limit", "--json"),
                "comments pending", List.of("--local", "--stack", "--profile", "--region", "--table", "--comments-table",
                        "--guards-table", "--article", "--limit", "--json"),
                "comments approve", List.of("--local", "--stack", "--profile", "--region", "--table", "--comments-table", "--guards-table"),
                "comments close", List.of("--local", "--stack", "--profile", "--region", "--table"),
                "comments bans", List.of("--local", "--stack", "--profile", "--region", "--table", "--comments-table", "--guards-table"));
        own.forEach((command, options) -> {
            Run help = run((command + " --help").split(" "));
            assertEquals(0, help.code, command + ": " + help);
            assertTrue(help.out.startsWith("Usage: broadsheet " + command), help.out);
            for (String option : EVERY_OPTION) {
                assertEquals(options.contains(option), help.out.contains(option + " ") || help.out.contains(option + "="),
                        command + " and " + option + ":\n" + help.out);
            }
            assertFalse(help.out.contains("--version"), command + ": " + help.out);
            assertTrue(help.out.contains("  broadsheet " + command.split(" ")[0]), "its own examples: " + help.out);
        });
    }

    @Test
    void helpNamesACommand() {
        Run help = run("help", "publish");
        assertEquals(0, help.code, help.toString());
        assertEquals(run("publish", "--help").out, help.out);
        Run nested = run("comments", "help", "pending");
        assertEquals(0, nested.code, nested.toString());
        assertTrue(nested.out.startsWith("Usage: broadsheet comments pending"), nested.out);
    }

    @Test
    void descriptionsWrapBetweenWordsAtTheTerminalsWidth() {
        Run help = run(Map.of("COLUMNS", "72"), "publish", "--help");
        for (String line : help.out.lines().toList()) {
            assertTrue(line.length() <= 72, line);
        }
        String joined = help.out.replaceAll("\\s+", " ");
        assertTrue(joined.contains("An article that was changed since this file was published or pulled is not replaced:"
                + " the differences are shown, and --overwrite replaces it."), joined);
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    private Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Editor.run(args, new PrintWriter(out), new PrintWriter(err),
                new Editor.Context(() -> dir.resolve("local-api.json"), Clock.systemUTC(), environment));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
