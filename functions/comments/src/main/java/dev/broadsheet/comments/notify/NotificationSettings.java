package dev.broadsheet.comments.notify;

import dev.broadsheet.comments.handler.CommentSettings;
import dev.broadsheet.core.AwsClients;
import dev.broadsheet.core.Environment;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What the mail functions take from their environment, read once at init. */
final class NotificationSettings {

    private NotificationSettings() {
    }

    static DynamoDbClient dynamoDb(Environment env) {
        return AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB", AwsClients.httpClient(), env).build();
    }

    static MailRecords records(DynamoDbClient dynamoDb, Environment env) {
        return new MailRecords(dynamoDb, env.require("NOTIFICATIONS_TABLE"));
    }

    static EmailLinks links(Environment env, Clock clock) {
        CommentSettings.Secrets secrets = CommentSettings.secrets(env);
        return new EmailLinks(secrets.current(), secrets.previous(), clock);
    }

    static String siteName(Environment env) {
        return env.optional("SITE_NAME", "Broadsheet");
    }

    /** The deliverer's settings; with a sender, the public URL its links point at is required. */
    static Deliverer.Settings deliverer(Environment env) {
        String sender = env.optional("NOTIFICATION_SENDER");
        List<String> moderators = Arrays.stream(env.optional("MODERATOR_EMAILS", "").split(","))
                .map(String::strip).filter(address -> !address.isEmpty()).toList();
        Duration digest = Duration.ofMinutes(env.integer("MODERATOR_DIGEST_MINUTES", 15, 0, 1440));
        int perDay = env.integer("NOTIFICATIONS_PER_ADDRESS_PER_DAY", 10, 1, 1000);
        Duration retry = Duration.ofSeconds(env.integer("NOTIFICATION_RETRY_SECONDS", 60, 1, 3600));
        String articleUrlPattern = CommentSettings.articleUrlPattern(env);
        String publicApiUrl = env.optional("PUBLIC_API_URL");
        if (sender != null && publicApiUrl == null) {
            throw new Environment.MissingConfigurationException("Missing required environment variable PUBLIC_API_URL "
                    + "(parameter PublicApiUrl: the API's public base URL, which the links in mails point at) while NOTIFICATION_SENDER is set");
        }
        return new Deliverer.Settings(sender, moderators, digest, perDay, retry,
                publicApiUrl == null ? null : publicApiUrl.replaceAll("/+$", ""), articleUrlPattern);
    }

    /**
     * The SES client, with the SDK's own retries off: the SDK would resend a request whose answer
     * was lost (a read timeout), which for SendEmail means a second mail. The deliverer retries
     * what surely failed itself ({@link SesMailer}).
     */
    static SesV2Client ses(Environment env) {
        return AwsClients.configure(SesV2Client.builder(), "SESV2", AwsClients.httpClient(), env)
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
