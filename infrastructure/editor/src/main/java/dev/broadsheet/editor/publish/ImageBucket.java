package dev.broadsheet.editor.publish;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The images bucket, as the editor uses it: content-addressed objects, uploaded once. */
public final class ImageBucket {

    /** A key names its bytes for ever (it is their hash): caches may keep them for a year. */
    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final S3Client s3;
    private final String bucketName;

    public ImageBucket(S3Client s3, String bucketName) {
        this.s3 = s3;
        this.bucketName = bucketName;
    }

    public String name() {
        return bucketName;
    }

    /** HeadObject: a 404 means absent (AWS answers 403 instead unless the caller may list the bucket). */
    public boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucketName).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(request -> request.bucket(bucketName).key(key)
                        .contentType(contentType)
                        .contentLength((long) bytes.length)
                        .cacheControl(CACHE_CONTROL),
                RequestBody.fromBytes(bytes));
    }

    /** The object's bytes ({@code broadsheet pull}). */
    public byte[] get(String key) {
        return s3.getObjectAsBytes(request -> request.bucket(bucketName).key(key)).asByteArray();
    }
}
