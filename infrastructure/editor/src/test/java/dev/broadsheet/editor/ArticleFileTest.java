package dev.broadsheet.editor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleFileTest {

    @TempDir
    Path dir;

    @Test
    void aVersionIsInsertedFirstIndentedAsTheFileIs() throws Exception {
        assertEquals("{\n    \"versions\": {\"local\": 1},\n    \"slug\": \"a\",\n    \"body\": []\n}",
                ArticleFile.withVersion("{\n    \"slug\": \"a\",\n    \"body\": []\n}", "local", 1));
        assertEquals("{\"versions\": {\"local\": 2},\"slug\":\"a\"}", ArticleFile.withVersion("{\"slug\":\"a\"}", "local", 2));
        assertEquals("{\"versions\": {\"local\": 2}}", ArticleFile.withVersion("{}", "local", 2));
    }

    @Test
    void onlyTheVersionsValueChangesAndOtherTargetsStay() throws Exception {
        String text = "{\n  \"slug\": \"a\",  \"versions\" : { \"local\" : 3,\"eu-west-1/t\": 7 } ,\n  \"body\": [{\"versions\": 1}]\n}";
        assertEquals("{\n  \"slug\": \"a\",  \"versions\" : {\"eu-west-1/t\": 7, \"local\": 4} ,\n  \"body\": [{\"versions\": 1}]\n}",
                ArticleFile.withVersion(text, "local", 4));
    }

    @Test
    void recordingKeepsTheByteOrderMarkAndLeavesAFileChangedMeanwhileAlone() throws Exception {
        Path file = dir.resolve("article.json");
        Files.write(file, ("\uFEFF{\"slug\": \"a\"}").getBytes(StandardCharsets.UTF_8));
        ArticleFile read = ArticleFile.read(file);
        assertEquals("a", read.json().path("slug").asText(), "the mark is no part of the JSON");

        assertTrue(read.recordVersion("local", 5));
        assertEquals("\uFEFF{\"versions\": {\"local\": 5},\"slug\": \"a\"}", Files.readString(file));

        ArticleFile again = ArticleFile.read(file);
        Files.writeString(file, "{\"slug\": \"b\"}");
        assertFalse(again.recordVersion("local", 6), "the editor saved meanwhile: their text wins");
        assertEquals("{\"slug\": \"b\"}", Files.readString(file));
    }

    @Test
    void aFolderAMissingFileAndBrokenJsonAreNamed() throws Exception {
        assertTrue(assertThrows(EditorException.class, () -> ArticleFile.read(dir)).getMessage()
                .startsWith(dir + " is a folder: name the article's JSON file"));
        assertTrue(assertThrows(EditorException.class, () -> ArticleFile.read(dir.resolve("missing.json"))).getMessage()
                .endsWith("missing.json does not exist"));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"slug\": \"a\", \"slug\": \"b\"}");
        assertTrue(assertThrows(EditorException.class, () -> ArticleFile.read(broken)).getMessage()
                .contains("is not valid JSON at line 1"));
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertTrue(assertThrows(EditorException.class, () -> ArticleFile.read(latin1)).getMessage()
                .endsWith("is not UTF-8 text: save it as UTF-8"));
    }
}
