package dev.broadsheet.emulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the images function relies on: presigned GETs that work, and only as signed and while valid. */
@ExtendWith(EmulatorsExtension.class)
class S3PresignIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String key = "images/" + UUID.randomUUID() + "/hero.jpg";
    private final byte[] bytes = new byte[70_000];

    S3PresignIT(LocalAws aws, S3Client s3) {
        this.s3 = s3;
        this.presigner = aws.s3Presigner();
        this.bucket = aws.physicalNames().get("ImagesBucket");
        new Random(42).nextBytes(bytes);
        s3.putObject(put -> put.bucket(bucket).key(key).contentType("image/jpeg"), RequestBody.fromBytes(bytes));
    }

    @Test
    void aPresignedGetFetchesTheExactBytes() throws Exception {
        HttpResponse<byte[]> response = get(presign(key, Duration.ofMinutes(5)));
        assertEquals(200, response.statusCode());
        assertArrayEquals(bytes, response.body());
        assertEquals("image/jpeg", response.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void theSameSignatureForAnotherKeyIsRefused() throws Exception {
        String otherKey = "images/" + UUID.randomUUID() + "/other.jpg";
        s3.putObject(put -> put.bucket(bucket).key(otherKey), RequestBody.fromBytes(bytes));
        URI signed = presign(key, Duration.ofMinutes(5));
        URI forged = URI.create(signed.toString().replace(key, otherKey));
        assertEquals(403, get(forged).statusCode());
    }

    @Test
    void aTamperedSignatureIsRefused() throws Exception {
        String signed = presign(key, Duration.ofMinutes(5)).toString();
        int at = signed.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char flipped = signed.charAt(at) == '0' ? '1' : '0';
        assertEquals(403, get(URI.create(signed.substring(0, at) + flipped + signed.substring(at + 1))).statusCode());
    }

    @Test
    void anUnsignedGetIsRefused() throws Exception {
        assertEquals(403, get(URI.create(presign(key, Duration.ofMinutes(5)).toString().replaceFirst("\\?.*", ""))).statusCode());
    }

    @Test
    void anExpiredUrlIsRefused() throws Exception {
        URI signed = presign(key, Duration.ofSeconds(2));
        assertEquals(200, get(signed).statusCode(), "while valid");
        // X-Amz-Date has whole seconds: the URL is dead at most 3 s after signing.
        Thread.sleep(3_100);
        assertEquals(403, get(signed).statusCode());
    }

    private URI presign(String objectKey, Duration validity) {
        return URI.create(presigner.presignGetObject(presign -> presign.signatureDuration(validity)
                .getObjectRequest(get -> get.bucket(bucket).key(objectKey))).url().toString());
    }

    private static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
