package dev.broadsheet.bench.wordpress;

import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's import acceptance at a small scale (the bench runs it at 20,000 posts): a generated
 * export imported into the emulators, then the rare tag's 10 posts in one request at
 * {@code limit=20}, every post exactly once paging {@code limit=50} with no empty page, and the
 * WordPress authors on the articles.
 */
@ExtendWith(EmulatorsExtension.class)
class WordPressImportBenchIT {

    private final LocalAws aws;
    @TempDir
    Path dir;

    WordPressImportBenchIT(LocalAws aws) {
        this.aws = aws;
    }

    @Test
    void aGeneratedExportIsListedCompletelyRightAfterItsImport() throws Exception {
        aws.reset();
        int posts = 900;
        WordPressImportBench.Result result = WordPressImportBench.run(aws, dir, posts, 4, false);
        assertEquals(posts, result.published());
        assertEquals(posts / 20, result.commentsApproved());
        assertEquals(1, result.rareTag().get("requests"), result.rareTag().toString());
        assertEquals(10, result.rareTag().get("items"), result.rareTag().toString());
        assertEquals(0, result.rareTag().get("emptyPages"));
        assertEquals(true, result.allArticles().get("everyPostExactlyOnce"), result.allArticles().toString());
        assertEquals(0, result.allArticles().get("emptyPages"), result.allArticles().toString());
        assertEquals(posts / 50, result.allArticles().get("requests"), "no trailing empty page: " + result.allArticles());
        assertTrue(result.authorsPresent());
    }
}
