package dev.broadsheet.images.handler;

import dev.broadsheet.images.dao.ArticleImageRepository;
import dev.broadsheet.images.model.ArticleImage;
import dev.broadsheet.images.model.SignedUrl;
import dev.broadsheet.images.signing.ImageSigner;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small in-memory stand-ins for the articles table and the presigner. */
final class Fakes {

    private Fakes() {
    }

    static final class Articles implements ArticleImageRepository {
        private final Map<String, List<ArticleImage>> published = new HashMap<>();
        final List<String> lookedUp = new ArrayList<>();

        Articles publish(String slug, ArticleImage... images) {
            published.put(slug, List.of(images));
            return this;
        }

        @Override
        public Optional<List<ArticleImage>> publishedImages(String slug) {
            lookedUp.add(slug);
            return Optional.ofNullable(published.get(slug));
        }
    }

    /** Signs as {@code https://signed.example/<key>?X-Amz-Signature=fake}, valid for a fixed lifetime from the clock. */
    static final class Signer implements ImageSigner {
        private final Clock clock;
        private final Duration lifetime;
        final List<String> signed = new ArrayList<>();

        Signer(Clock clock, Duration lifetime) {
            this.clock = clock;
            this.lifetime = lifetime;
        }

        @Override
        public SignedUrl sign(String s3Key) {
            signed.add(s3Key);
            return new SignedUrl(URI.create("https://signed.example/" + s3Key + "?X-Amz-Signature=fake"),
                    clock.instant().plus(lifetime));
        }
    }
}
