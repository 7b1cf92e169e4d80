package dev.broadsheet.images.signing;

import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.images.dao.ArticleImageRepository;
import dev.broadsheet.images.model.ArticleImage;
import dev.broadsheet.images.model.ImageKey;
import dev.broadsheet.images.model.SignedImage;
import dev.broadsheet.images.model.SignedUrl;

import java.util.List;

/**
 * The one rule of this function: a key is signed only when it is an image of a published article
 * — the article its key names. Anything else is a 404 that says nothing about why (missing,
 * unpublished or deleted look alike).
 */
public final class PublishedImages {

    private final ArticleImageRepository articles;
    private final ImageSigner signer;

    public PublishedImages(ArticleImageRepository articles, ImageSigner signer) {
        this.articles = articles;
        this.signer = signer;
    }

    public SignedImage sign(ImageKey key) {
        String s3Key = key.s3Key();
        ArticleImage image = articles.publishedImages(key.slug()).orElse(List.of()).stream()
                .filter(candidate -> candidate.s3Key().equals(s3Key))
                .findFirst()
                .orElseThrow(() -> new ProblemException(Problem.notFound("No published image has the key '" + key.routeKey() + "'.")));
        return new SignedImage(image, signer.sign(s3Key));
    }

    /**
     * Every image of the published article, hero first. Images whose keys are not in the key
     * scheme under this article's slug are left out: {@code GET /images/{key+}} would refuse them
     * too, and both routes must agree on what is signable.
     */
    public List<SignedImage> signAll(String slug) {
        List<ArticleImage> images = articles.publishedImages(slug)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No published article has the slug '" + slug + "'.")));
        return images.stream()
                .filter(image -> ImageKey.parseS3Key(image.s3Key()).filter(key -> key.slug().equals(slug)).isPresent())
                .map(image -> new SignedImage(image, signer.sign(image.s3Key())))
                .toList();
    }

    /**
     * SnapStart priming: a read of an article no one published (so the data never matters) and one
     * signature of a key under it — offline, so nothing is fetched or written.
     */
    public SignedUrl prime() {
        articles.publishedImages(PrimingEvents.MISSING_SLUG);
        return signer.sign(new ImageKey(PrimingEvents.MISSING_SLUG, "0".repeat(64), "png").s3Key());
    }
}
