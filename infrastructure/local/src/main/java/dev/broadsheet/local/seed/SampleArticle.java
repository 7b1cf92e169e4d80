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
 * At every start of the local API it is published only when missing ({@link #seed}), so local edits stay.
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
        Publisher publisher = new Publisher(table(aws), new ImageBucket(aws.s3(), aws.physicalNames().get("ImagesBucket")),
                Clock.systemUTC());
        // The sample's own file, as it is: whatever is stored is overwritten (seed calls this only when nothing is).
        return publisher.publish(json(), ImageFiles.inMemory(Map.of(HERO_FILE, heroPng)), Progress.SILENT,
                Publisher.Request.overwriting("the local API"));
    }

    /**
     * What the local API does at every start: publishes the sample article only when the data has
     * no article of its slug, so an edit (or an unpublish) made locally survives a restart.
     *
     * @return what happened, for the start-up banner: {@code created}, or {@code kept as it is}
     */
    public static String seed(LocalAws aws, java.util.function.Supplier<byte[]> heroPng) {
        if (table(aws).find(SLUG).isPresent()) {
            return "kept as it is";
        }
        return publish(aws, heroPng.get()).outcome().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ArticleTable table(LocalAws aws) {
        return new ArticleTable(aws.dynamoDb(), aws.physicalNames().get("ArticlesTable"));
    }

    private static JsonNode json() {
        try (InputStream in = SampleArticle.class.getResourceAsStream(RESOURCE)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
