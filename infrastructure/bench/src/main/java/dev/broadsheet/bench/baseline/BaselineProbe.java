package dev.broadsheet.bench.baseline;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The baseline: what the bare SDK costs. In a JVM holding only the SDK's {@code dynamodb} artifact
 * and the URL-connection client, builds a {@code DynamoDbClient} the cheap way (URL-connection,
 * region and static credentials given, endpoint override) and does one {@code GetItem}, then
 * optionally many more (warm). Prints one result line in the function probe's format.
 *
 * <p>Arguments: endpoint, region, access key id, secret, table, key attribute, key value, warm
 * count, the harness's {@code System.nanoTime()} just before it started this JVM.
 */
public final class BaselineProbe {

    private BaselineProbe() {
    }

    public static void main(String[] args) {
        long mainStarted = System.nanoTime();
        long launched = Long.parseLong(args[8]);
        int warmCalls = Integer.parseInt(args[7]);

        long initStarted = System.nanoTime();
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .region(Region.of(args[1]))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[2], args[3])))
                .endpointOverride(URI.create(args[0]))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        long initEnded = System.nanoTime();
        GetItemRequest request = GetItemRequest.builder()
                .tableName(args[4])
                .key(Map.of(args[5], AttributeValue.fromS(args[6])))
                .build();
        boolean found = dynamoDb.getItem(request).hasItem();
        long firstEnded = System.nanoTime();

        long[] warm = new long[warmCalls];
        for (int i = 0; i < warmCalls; i++) {
            long started = System.nanoTime();
            dynamoDb.getItem(request);
            warm[i] = System.nanoTime() - started;
        }
        Arrays.sort(warm);

        StringBuilder line = new StringBuilder("PROBE");
        line.append(" jvmStartMs=").append(millis(mainStarted - launched));
        line.append(" initMs=").append(millis(initEnded - initStarted));
        line.append(" firstInvokeMs=").append(millis(firstEnded - initEnded));
        line.append(" coldTotalMs=").append(millis(mainStarted - launched + firstEnded - initStarted));
        line.append(" firstStatus=").append(found ? 200 : 404);
        if (warmCalls > 0) {
            line.append(" warmP50Ms=").append(millis(warm[(int) Math.ceil(0.5 * warmCalls) - 1]));
            line.append(" warmP99Ms=").append(millis(warm[(int) Math.ceil(0.99 * warmCalls) - 1]));
        }
        line.append(" rssMb=").append(String.format(Locale.ROOT, "%.1f", peakRssKb() / 1024.0));
        System.out.println(line);
        System.out.flush();
        System.exit(0);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0);
    }

    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux: no peak RSS
        }
        return 0;
    }
}
