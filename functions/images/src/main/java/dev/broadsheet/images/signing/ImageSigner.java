package dev.broadsheet.images.signing;

import dev.broadsheet.images.model.SignedUrl;

/** Makes a short-lived GET URL for one object of the images bucket; signing is local, never a network call. */
public interface ImageSigner {

    SignedUrl sign(String s3Key);
}
