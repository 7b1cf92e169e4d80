package dev.broadsheet.images.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageKeyTest {

    static final String HASH = "3d5f".repeat(16);

    @Test
    void aKeyOfTheSchemeNamesItsArticleAndItsS3Key() {
        ImageKey key = ImageKey.parseRouteKey("a-slug-2/" + HASH + ".webp").orElseThrow();
        assertEquals(new ImageKey("a-slug-2", HASH, "webp"), key);
        assertEquals("images/a-slug-2/" + HASH + ".webp", key.s3Key());
        assertEquals(Optional.of(key), ImageKey.parseS3Key(key.s3Key()));
        for (String ext : List.of("jpg", "png", "webp", "gif", "avif")) {
            assertEquals(ext, ImageKey.parseRouteKey("s/" + HASH + "." + ext).orElseThrow().ext());
        }
    }

    /** Shared with the handler tests: every one of these must be refused before any lookup. */
    static List<String> malformedRouteKeys() {
        return List.of(
                "",
                "a-slug/" + HASH,                               // no extension
                "a-slug/" + HASH + ".svg",                      // not an image type we sign
                "a-slug/" + HASH + ".PNG",
                "a-slug/" + HASH + ".png.exe",
                "a-slug/" + HASH.substring(1) + ".png",         // short hash
                "a-slug/" + HASH.toUpperCase() + ".png",
                "images/a-slug/" + HASH + ".png",               // the S3 prefix twice
                "a-slug/../other/" + HASH + ".png",
                "../a-slug/" + HASH + ".png",
                "a-slug/..",
                "a-slug\\" + HASH + ".png",
                "a-slug/" + HASH + ".png\u0000",
                "a-slug\n/" + HASH + ".png",
                "a-slug%2F" + HASH + ".png",
                "a%2Dslug/" + HASH + ".png",
                "A-Slug/" + HASH + ".png",
                "-slug/" + HASH + ".png",
                "a-slug//" + HASH + ".png",
                "/a-slug/" + HASH + ".png",
                "a-slug/x/" + HASH + ".png",
                "a".repeat(201) + "/" + HASH + ".png",         // slug over 200
                "a".repeat(5000) + "/" + HASH + ".png");
    }

    @Test
    void everythingElseIsRefused() {
        for (String key : malformedRouteKeys()) {
            assertEquals(Optional.empty(), ImageKey.parseRouteKey(key), key);
        }
        assertEquals(Optional.empty(), ImageKey.parseS3Key("a-slug/" + HASH + ".png"));
        assertEquals(Optional.empty(), ImageKey.parseS3Key("images/" + HASH + ".png"));
        assertEquals(Optional.empty(), ImageKey.parseRouteKey(null));
    }
}
