package dev.broadsheet.images.handler;

import dev.broadsheet.core.Json;
import dev.broadsheet.core.JsonWriter;
import dev.broadsheet.images.model.ArticleImage;
import dev.broadsheet.images.model.SignedImage;
import dev.broadsheet.images.model.SignedUrl;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The views write themselves (no Jackson in the images jar) exactly as Jackson would write them. */
class ImageViewsJsonTest {

    private final SignedUrl url = new SignedUrl(URI.create("https://bucket.s3.amazonaws.com/images/a/b.png?X-Amz-Signature=abc&x=%22y%22"),
            Instant.parse("2026-11-28T05:00:00Z"));

    @Test
    void urlsAndImageListsAreWrittenAsJacksonWritesThem() throws Exception {
        var single = ImageViews.url(url);
        assertEquals(Json.MAPPER.writeValueAsString(single), JsonWriter.write(single));
        var hero = ImageViews.image(new SignedImage(new ArticleImage("images/a/b.png", "hero", "Alt \"quoted\"", null, null,
                1200, 675), url), "https://api.example.com");
        for (var list : List.of(new ImageViews.ArticleImagesView("a", List.of(hero, hero), url.expiresAt().toString()),
                new ImageViews.ArticleImagesView("a", List.of(), null))) {
            assertEquals(Json.MAPPER.writeValueAsString(list), JsonWriter.write(list));
        }
    }
}
