package dev.broadsheet.editor;

import dev.broadsheet.editor.publish.ConcurrentEditException;
import dev.broadsheet.editor.publish.PublishConflictException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.net.UnknownHostException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS failures become one line that says what to do, never the SDK's text. */
class FailuresTest {

    @Test
    void explainsAccessDeniedWithThePolicyToAttach() {
        DynamoDbException denied = (DynamoDbException) DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("DynamoDb")
                        .errorMessage("User: arn:aws:iam::123:user/x is not authorized").build()).build();

        String message = Failures.explain(denied);

        assertTrue(message.contains("EditorPolicy") && message.contains("--profile"), message);
        assertTrue(!message.contains("arn:aws:iam"), "no raw AWS text: " + message);
    }

    @Test
    void explainsRejectedCredentials() {
        DynamoDbException rejected = (DynamoDbException) DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnrecognizedClientException").serviceName("DynamoDb").build())
                .build();

        assertTrue(Failures.explain(rejected).contains("aws configure"), Failures.explain(rejected));
    }

    @Test
    void explainsMissingTableAndBucket() {
        assertTrue(Failures.explain(ResourceNotFoundException.builder().message("x").build()).contains("--table"));
        assertTrue(Failures.explain(NoSuchBucketException.builder().message("x").build()).contains("--bucket"));
    }

    @Test
    void explainsAnUnreachableEndpoint() {
        SdkClientException e = SdkClientException.create("Received an UnknownHostException ...",
                new UnknownHostException("dynamodb.eu-west-9.amazonaws.com"));

        assertEquals("cannot reach AWS (dynamodb.eu-west-9.amazonaws.com): check your network connection and --region",
                Failures.explain(e));
    }

    @Test
    void passesOwnMessagesThrough() {
        assertEquals("article a was changed by someone else at the same time (it was version 3); nothing was written:"
                + " run the command again to act on the current version", Failures.explain(new ConcurrentEditException("a", 3)));
        assertEquals("a was changed since this file's version 1", Failures.explain(
                new PublishConflictException("a was changed since this file's version 1", List.of())));
        assertEquals("no AWS region", Failures.explain(new EditorException("no AWS region")));
    }
}
