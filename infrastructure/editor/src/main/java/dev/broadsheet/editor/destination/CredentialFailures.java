package dev.broadsheet.editor.destination;

import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.Optional;

/**
 * What to do when credentials cannot be had, by what the SDK's profile providers threw: an expired
 * IAM Identity Center (SSO) session, a role the profile may not assume, or nothing configured.
 */
public final class CredentialFailures {

    private CredentialFailures() {
    }

    /** One line saying what to do; {@code profile} is null for the default chain. */
    public static String explain(Throwable failure, String profile) {
        return recognised(failure, profile).orElse("no AWS credentials" + (profile == null ? "" : " for profile " + profile)
                + ": configure credentials with aws configure (or aws configure sso), or pass --profile NAME");
    }

    /** What to do, when the failure is one of these credential problems, at any depth of its causes. */
    public static Optional<String> recognised(Throwable failure, String profile) {
        String login = "aws sso login" + (profile == null ? "" : " --profile " + profile);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof ExpiredTokenException || cause instanceof UnauthorizedException
                    || message.contains("Token is expired") || message.contains("aws sso login")) {
                return Optional.of("your IAM Identity Center (SSO) session has expired or was signed out: run " + login
                        + ", then run this command again");
            }
            if (cause instanceof StsException sts && (sts.statusCode() == 403 || sts.statusCode() == 400)) {
                String code = sts.awsErrorDetails() == null ? "" : sts.awsErrorDetails().errorCode();
                return Optional.of("AWS STS refused to let " + (profile == null ? "your credentials" : "profile " + profile)
                        + " assume its role (" + code + "): check the profile's role_arn and source_profile, and that the"
                        + " role trusts you");
            }
        }
        return Optional.empty();
    }
}
