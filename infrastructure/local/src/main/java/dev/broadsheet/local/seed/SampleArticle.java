package dev.broadsheet.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.article.ImageFiles;
import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.publish.ImageBucket;
import dev.broadsheet.editor.publish.Progress;
import dev.broadsheet.editor.publish.PublishResult;
import dev.broadsheet.editor.publish.Publisher;
import dev.broadsheet.emulators.LocalAws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/**
 * Publishes the reference article (the sample content of {@code shared/reference/seed}) into the
 * local emulators, with a generated hero image, through the editor's publisher: the same
 * validation, content-addressed upload and conditional write as {@code broadsheet publish}.
 * Safe at every start: when the stored article is already this one, nothing is written.
 */
public final class SampleArticle {

    public static final String SLUG = "united-states-and-russia-enter-military-partnership-over-syria";
    private static final String RESOURCE = "/seed/" + SLUG + ".json";
    /** The name the article JSON gives its hero image ({@code heroImage.file}). */
    private static final String HERO_FILE = "hero.png";

    private SampleArticle() {
    }

    public static PublishResult publish(LocalAws aws) {
        return publish(aws, HeroIllustration.png());
    }

    /** @param heroPng {@link HeroIllustration#png()}, drawn ahead of time (it takes a few hundred ms) */
    public static PublishResult publish(LocalAws aws, byte[] heroPng) {
        Publisher publisher = new Publisher(new ArticleTable(aws.dynamoDb(), aws.physicalNames().get("ArticlesTable")),
                new ImageBucket(aws.s3(), aws.physicalNames().get("ImagesBucket")), Clock.systemUTC());
        // The sample's own file is its source of truth: every start puts it back as it is (unchanged after the first).
        return publisher.publish(json(), ImageFiles.inMemory(Map.of(HERO_FILE, heroPng)), Progress.SILENT,
                Publisher.Request.overwriting("the local API"));
    }

    private static JsonNode json() {
        try (InputStream in = SampleArticle.class.getResourceAsStream(RESOURCE)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
