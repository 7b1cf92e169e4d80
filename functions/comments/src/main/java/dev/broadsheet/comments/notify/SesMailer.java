package dev.broadsheet.comments.notify;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Mail through Amazon SES v2 ({@code SendEmail}, simple content with custom headers, UTF-8). Which
 * failures are retried: SES's throttling and its own 5xx errors (it did not send), and a connection
 * that never opened; what is refused for good: any other 4xx (a rejected message, an unverified or
 * unauthorised sender, a paused account); and anything after the request may have reached SES (a
 * read timeout, a connection broken midway) is UNKNOWN, never retried — SES has no idempotency
 * token, so sending again could deliver twice.
 */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;

    public SesMailer(SesV2Client ses) {
        this.ses = ses;
    }

    @Override
    public String send(String from, Mail mail) {
        try {
            return ses.sendEmail(request -> request.fromEmailAddress(from)
                    .destination(destination -> destination.toAddresses(mail.to()))
                    .content(content -> content.simple(message -> message
                            .subject(subject -> subject.data(mail.subject()).charset(StandardCharsets.UTF_8.name()))
                            .body(body -> body.text(text -> text.data(mail.text()).charset(StandardCharsets.UTF_8.name()))
                                    .html(html -> html.data(mail.html()).charset(StandardCharsets.UTF_8.name())))
                            .headers(mail.headers().entrySet().stream()
                                    .map(header -> MessageHeader.builder().name(header.getKey()).value(header.getValue()).build())
                                    .toList())))).messageId();
        } catch (TooManyRequestsException e) {
            throw new Failure(Outcome.RETRY, "SES throttled the mail", e);
        } catch (SesV2Exception e) {
            throw new Failure(e.statusCode() >= 500 ? Outcome.RETRY : Outcome.REFUSED,
                    "SES refused the mail (" + e.statusCode() + (e.awsErrorDetails() == null ? "" : " " + e.awsErrorDetails().errorCode()) + ")", e);
        } catch (SdkClientException e) {
            throw new Failure(neverConnected(e) ? Outcome.RETRY : Outcome.UNKNOWN, "SES could not be reached: " + e.getMessage(), e);
        }
    }

    /** Whether the request surely never left: no connection was made. */
    private static boolean neverConnected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
                return true;
            }
            if (cause instanceof IOException && cause.getMessage() != null && cause.getMessage().contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }
}
