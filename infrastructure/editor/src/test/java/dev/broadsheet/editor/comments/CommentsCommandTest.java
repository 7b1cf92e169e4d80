package dev.broadsheet.editor.comments;

import dev.broadsheet.editor.Editor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Usage of {@code broadsheet comments}, decided before any target is opened: the local API file
 * here does not exist, so reaching the target would fail with exit 1 instead of 2.
 */
class CommentsCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpWorksOnEverySubcommand() {
        for (String command : new String[] {"pending", "approve", "spam", "trash", "close", "open"}) {
            Run run = run("comments", command, "--help");
            assertEquals(0, run.code, run.toString());
            assertTrue(run.out.startsWith("Usage: broadsheet comments " + command), run.out);
        }
    }

    @Test
    void malformedIdsAreWrongUsageAndNothingIsOpened() {
        Run run = run("comments", "trash", "my-article/01JD4M6Q7X0V9C2Y8K3H5N1R7T", "no-slash", "my-article/lower", "--local");
        assertEquals(Editor.USAGE, run.code, run.toString());
        assertTrue(run.err.contains("not a comment id: no-slash, my-article/lower"), run.err);
    }

    @Test
    void aGroupWithoutACommandOrAnIdIsWrongUsage() {
        assertEquals(Editor.USAGE, run("comments").code);
        assertEquals(Editor.USAGE, run("comments", "approve", "--local").code);
        Run badSlug = run("comments", "pending", "--article", "Not A Slug", "--local");
        assertEquals(Editor.USAGE, badSlug.code);
        assertTrue(badSlug.err.contains("is not a slug"), badSlug.err);
    }

    @Test
    void withoutARunningLocalApiTheCommandSaysHowToStartIt() {
        Run run = run("comments", "pending", "--local");
        assertEquals(Editor.FAILED, run.code);
        assertTrue(run.err.contains("the local API is not running"), run.err);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Editor.run(args, new PrintWriter(out), new PrintWriter(err),
                new Editor.Context(() -> dir.resolve("local-api.json"), Clock.systemUTC()));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
