package dev.broadsheet.editor.article;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleReaderTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void readsAValidArticleWithItsImages() throws Exception {
        byte[] png = TestImages.encode("png", 40, 30);
        byte[] jpeg = TestImages.encode("jpg", 20, 10);
        PreparedArticle prepared = ArticleReader.read(json("""
                {'slug': 'a-b', 'headline': 'A b', 'publishedAt': '2020-01-02T03:04:05Z', 'tags': ['x', 'y-z'],
                 'heroImage': {'file': 'h.png', 'alt': 'Hero'},
                 'body': [{'type': 'paragraph', 'text': 'One'}, {'type': 'image', 'image': {'file': 'b.jpg', 'alt': 'B'}},
                          {'type': 'image', 'image': {'file': 'h.png', 'alt': 'Hero again'}},
                          {'type': 'quote', 'text': 'Q', 'attribution': 'Someone'}],
                 'comments': {'open': false, 'count': 12}, 'updatedAt': 'ignored', 'share': {}}
                """), ImageFiles.inMemory(Map.of("h.png", png, "b.jpg", jpeg)));

        ArticleDraft draft = prepared.draft();
        assertEquals("a-b", draft.slug());
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), draft.publishedAt());
        assertEquals(List.of(Tag.of("x"), new Tag("y-z", "Y Z")), draft.tags());
        assertEquals(Boolean.FALSE, draft.commentsOpen());
        assertEquals(4, draft.body().size());
        assertEquals(2, prepared.images().size(), "h.png is used twice but is one file");
        PreparedImage hero = prepared.images().get("h.png");
        assertEquals(new ImageInfo(ImageFormat.PNG, 40, 30), hero.info());
        assertEquals(ArticleReader.sha256(png), hero.sha256());
        assertEquals("images/a-b/" + ArticleReader.sha256(png) + ".png", hero.key("a-b"));
        assertEquals(new ImageInfo(ImageFormat.JPEG, 20, 10), prepared.images().get("b.jpg").info());
    }

    @Test
    void readsAuthorsAndTagNamesAndKeepsTheNamesOfAServedArticle() throws Exception {
        PreparedArticle prepared = ArticleReader.read(json("""
                {'slug': 'a', 'headline': 'A', 'body': [{'type': 'paragraph', 'text': 'x'}],
                 'tags': ['united-states', {'slug': 'uk', 'name': 'United Kingdom'}, 'eu'],
                 'tagDetails': [{'slug': 'eu', 'name': 'European Union'}], 'readingTimeMinutes': 4, 'openGraph': {},
                 'authors': [{'name': 'José Núñez'}, {'name': 'Ann Archer', 'slug': 'ann'}]}
                """), ImageFiles.inMemory(Map.of()));

        assertEquals(List.of(new Tag("united-states", "United States"), new Tag("uk", "United Kingdom"),
                new Tag("eu", "European Union")), prepared.draft().tags());
        assertEquals(List.of(new Author("José Núñez", "jose-nunez"), new Author("Ann Archer", "ann")),
                prepared.draft().authors());
    }

    @Test
    void refusesAuthorsWithoutNamesOrWithBadSlugs() throws Exception {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> ArticleReader.read(json("""
                {'slug': 'a', 'headline': 'A', 'body': [{'type': 'paragraph', 'text': 'x'}],
                 'authors': [{'slug': 'x'}, {'name': 'B', 'slug': 'Not A Slug'}, 'C', {'name': '李'}, {'name': 'D', 'role': 'x'}],
                 'tags': [{'slug': 'ok', 'name': 'bad\\u0007'}]}
                """), ImageFiles.inMemory(Map.of())));

        Map<String, String> byField = new java.util.HashMap<>();
        e.errors().forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + " | " + b));
        assertTrue(byField.get("authors[0].name").contains("required"), byField.toString());
        assertTrue(byField.get("authors[1].slug").contains("lower-case"), byField.toString());
        assertTrue(byField.get("authors[2]").contains("object"), byField.toString());
        assertTrue(byField.get("authors[3].slug").contains("no letters or digits"), byField.toString());
        assertTrue(byField.get("authors[4].role").contains("not a field"), byField.toString());
        assertTrue(byField.get("tags[0].name").contains("control characters"), byField.toString());
        assertEquals(6, e.errors().size(), e.errors().toString());
    }

    @Test
    void leavesCommentsAndPublishedAtToTheStoredArticleWhenNotGiven() throws Exception {
        PreparedArticle prepared = ArticleReader.read(json("{'slug': 'a', 'headline': 'A', 'body': [{'type': 'heading', 'text': 'H'}]}"),
                ImageFiles.inMemory(Map.of()));

        assertNull(prepared.draft().commentsOpen());
        assertNull(prepared.draft().publishedAt());
        assertNull(prepared.draft().heroImage());
    }

    @Test
    void reportsEveryProblemAtOnceWithItsField() throws Exception {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> ArticleReader.read(json("""
                {'slug': 'Not A Slug', 'headine': 'typo', 'publishedAt': 'yesterday', 'tags': ['ok', 'Bad Tag', 'ok'],
                 'heroImage': {'src': 'https://api/images/x.png', 'alt': 'A'},
                 'body': [{'type': 'video', 'text': 'x'}, {'type': 'paragraph'},
                          {'type': 'image', 'image': {'file': 'notes.jpg', 'alt': 'N'}},
                          {'type': 'image', 'image': {'file': 'gone.png'}}],
                 'comments': {'open': 'yes'}}
                """), ImageFiles.inMemory(Map.of("notes.jpg", "plain text".getBytes()))));

        Map<String, String> byField = new java.util.HashMap<>();
        e.errors().forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + " | " + b));
        assertTrue(byField.get("slug").contains("lower-case"), byField.toString());
        assertTrue(byField.get("headine").contains("not a field"), byField.toString());
        assertTrue(byField.get("headline").contains("required"), byField.toString());
        assertTrue(byField.get("publishedAt").contains("ISO-8601"), byField.toString());
        assertTrue(byField.get("tags[1]").contains("lower-case"), byField.toString());
        assertTrue(byField.get("tags[2]").contains("twice"), byField.toString());
        assertTrue(byField.get("heroImage.file").contains("src is what the API serves"), byField.toString());
        assertTrue(byField.get("body[0].type").contains("paragraph, heading, quote, list, code, table, image, gallery, embed, separator"), byField.toString());
        assertTrue(byField.get("body[1].text").contains("required"), byField.toString());
        assertTrue(byField.get("body[2].image.file").contains("not an image"), byField.toString());
        assertTrue(byField.get("body[3].image.file").contains("does not exist"), byField.toString());
        assertTrue(byField.get("body[3].image.alt").contains("required"), byField.toString());
        assertTrue(byField.get("comments.open").contains("true or false"), byField.toString());
        assertEquals(13, e.errors().size(), e.errors().toString());
    }

    @Test
    void refusesImagesOverTheSizeLimitWithoutReadingThem() throws Exception {
        ImageFiles huge = new ImageFiles() {
            @Override
            public long size(String name) {
                return ArticleReader.MAX_IMAGE_BYTES + 1;
            }

            @Override
            public byte[] read(String name) {
                throw new AssertionError("a file over the limit is not read");
            }

            @Override
            public String location(String name) {
                return "/photos/" + name;
            }
        };

        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> ArticleReader.read(
                json("{'slug': 'a', 'headline': 'A', 'heroImage': {'file': 'big.jpg', 'alt': 'Big'}, 'body': [{'type': 'paragraph', 'text': 'x'}]}"),
                huge));

        assertEquals(1, e.errors().size());
        assertEquals("heroImage.file", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("/photos/big.jpg is 10.0 MB; images may be at most 10.0 MB"),
                e.errors().get(0).message());
    }

    @Test
    void refusesControlCharactersInText() throws Exception {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> ArticleReader.read(
                json("{'slug': 'a', 'headline': 'A\\u0007', 'body': [{'type': 'paragraph', 'text': 'line one\\nline two'}]}"),
                ImageFiles.inMemory(Map.of())));

        assertEquals(List.of("headline"), e.errors().stream().map(ValidationError::field).toList());
    }
}
