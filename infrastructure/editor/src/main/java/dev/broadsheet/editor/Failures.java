package dev.broadsheet.editor;

import dev.broadsheet.editor.destination.CredentialFailures;
import dev.broadsheet.editor.publish.ConcurrentEditException;
import dev.broadsheet.editor.publish.PublishConflictException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.io.PrintWriter;

/**
 * Turns a failed command into one line that says what to do, exit code 1; the stack trace only
 * with {@code --verbose}. AWS errors are explained by their codes, never shown raw.
 */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("broadsheet: " + explain(e));
        if (commandLine.getParseResult().hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
        } else if (!explained(e)) {
            err.println("(--verbose shows the details)");
        }
        err.flush();
        return Editor.FAILED;
    }

    /** Failures whose message says it all. */
    private static boolean explained(Throwable e) {
        return e instanceof EditorException || e instanceof ConcurrentEditException || e instanceof PublishConflictException;
    }

    static String explain(Throwable e) {
        if (explained(e)) {
            return e.getMessage();
        }
        // Credentials can expire mid-command (an SSO session ends): the same advice as at the start.
        java.util.Optional<String> credentials = CredentialFailures.recognised(e, null);
        if (credentials.isPresent()) {
            return credentials.get();
        }
        if (e instanceof ResourceNotFoundException) {
            return "a table does not exist: check --table (--comments-table, --guards-table), --stack and --region"
                    + " (is the stack deployed?)";
        }
        if (e instanceof NoSuchBucketException) {
            return "the images bucket does not exist: check --bucket, --stack and --region (is the stack deployed?)";
        }
        if (e instanceof AwsServiceException aws) {
            int status = aws.statusCode();
            String code = aws.awsErrorDetails() == null ? "" : aws.awsErrorDetails().errorCode();
            String service = aws.awsErrorDetails() == null ? "AWS" : aws.awsErrorDetails().serviceName();
            if (status == 403 || "AccessDeniedException".equals(code) || "AccessDenied".equals(code)) {
                return service + " refused access (" + code + "): attach the stack's EditorPolicy (output EditorPolicyArn)"
                        + " to your user or role, or check --profile";
            }
            if ("UnrecognizedClientException".equals(code) || "InvalidAccessKeyId".equals(code)
                    || "ExpiredToken".equals(code) || "ExpiredTokenException".equals(code)
                    || "SignatureDoesNotMatch".equals(code) || "InvalidClientTokenId".equals(code)) {
                return "AWS did not accept your credentials (" + code + "): configure credentials with aws configure"
                        + " (or aws sso login), or pass --profile NAME";
            }
            return service + " failed: " + code + " (HTTP " + status + ")";
        }
        if (e instanceof SdkClientException) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.UnknownHostException || cause instanceof java.net.ConnectException
                        || cause instanceof java.net.SocketTimeoutException) {
                    return "cannot reach AWS (" + cause.getMessage() + "): check your network connection and --region";
                }
            }
            return "the AWS request failed before it reached AWS: " + e.getMessage();
        }
        if (e instanceof java.io.UncheckedIOException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return "unexpected failure: " + e;
    }
}
