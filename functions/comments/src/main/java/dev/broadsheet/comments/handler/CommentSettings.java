package dev.broadsheet.comments.handler;

import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.challenge.ProofOfWork;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.comments.service.Limits;
import dev.broadsheet.comments.service.ModerationRules;
import dev.broadsheet.core.AwsClients;
import dev.broadsheet.core.Environment;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** What the comment handlers take from their environment, read once at init. */
public final class CommentSettings {

    static final String DEFAULT_LIST_CACHE_CONTROL = "public, max-age=10, s-maxage=30, stale-while-revalidate=60";
    /** How long a password challenge and a proof-of-work challenge stay valid. */
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(10);
    /** The template's default of CommentProofOfWorkMaxNumber (README, "Proof of work": how it was chosen). */
    static final int DEFAULT_PROOF_OF_WORK_MAX_NUMBER = 80_000;

    private CommentSettings() {
    }

    static DynamoComments store(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB", AwsClients.httpClient(), env).build();
        return new DynamoComments(dynamoDb, tables(env));
    }

    public static DynamoComments.Tables tables(Environment env) {
        return new DynamoComments.Tables(env.require("ARTICLES_TABLE"), env.require("COMMENTS_TABLE"), env.require("GUARDS_TABLE"));
    }

    /** The service for the challenge and submission routes: it needs the secret. */
    static CommentService service(Environment env) {
        Secrets secrets = secrets(env);
        Challenges.Keys keys = secrets.current();
        Clock clock = Clock.systemUTC();
        int closeAfterDays = env.integer("COMMENTS_CLOSE_AFTER_DAYS", 0, 0, 36_500);
        return new CommentService(store(env), new Challenges(keys, secrets.previous(), CHALLENGE_LIFETIME, clock), keys,
                ModerationRules.from(env), closeAfterDays, limits(env), proofOfWork(env, keys, clock), clock);
    }

    static Limits limits(Environment env) {
        Limits defaults = Limits.DEFAULTS;
        return new Limits(env.seconds("COMMENT_FLOOD_SECONDS", defaults.floodInterval(), Duration.ZERO, Duration.ofHours(1)),
                env.integer("COMMENT_CHALLENGES_PER_MINUTE", defaults.challengesPerMinute(), 1, 100_000),
                env.integer("COMMENTS_PER_HOUR", defaults.commentsPerHour(), 1, 100_000));
    }

    /** The proof of work when {@code COMMENT_PROOF_OF_WORK} is {@code on}; null when {@code off} (the default). */
    static ProofOfWork proofOfWork(Environment env, Challenges.Keys keys, Clock clock) {
        String mode = env.optional("COMMENT_PROOF_OF_WORK", "off");
        int maxNumber = env.integer("COMMENT_PROOF_OF_WORK_MAX_NUMBER", DEFAULT_PROOF_OF_WORK_MAX_NUMBER, 1_000, 100_000_000);
        return switch (mode) {
            case "off" -> null;
            case "on" -> new ProofOfWork(keys, maxNumber, CHALLENGE_LIFETIME, clock);
            default -> throw new Environment.MissingConfigurationException("COMMENT_PROOF_OF_WORK must be on or off, got " + mode);
        };
    }

    public static String articleUrlPattern(Environment env) {
        String pattern = env.require("ARTICLE_URL_PATTERN");
        if (!pattern.contains("{slug}")) {
            throw new Environment.MissingConfigurationException("ARTICLE_URL_PATTERN must contain {slug}, got " + pattern);
        }
        return pattern;
    }

    /** The challenge secret now, and before its last rotation (null when it was never rotated). */
    public record Secrets(Challenges.Keys current, Challenges.Keys previous) {
    }

    /**
     * The challenge secret, read once at init from Secrets Manager by its ARN — its {@code AWSCURRENT}
     * version, and its {@code AWSPREVIOUS} one when the secret has been rotated, so that challenges
     * handed out before a rotation still work until they expire. In every run: the local runtime
     * serves its own Secrets Manager ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER}).
     */
    public static Secrets secrets(Environment env) {
        String arn = env.require("CHALLENGE_SECRET_ARN");
        SdkHttpClient http = AwsClients.httpClient();
        try (SecretsManagerClient secrets = AwsClients.configure(SecretsManagerClient.builder(), "SECRETS_MANAGER", http, env).build()) {
            String current = secrets.getSecretValue(get -> get.secretId(arn)).secretString();
            String previous;
            try {
                previous = secrets.getSecretValue(get -> get.secretId(arn).versionStage("AWSPREVIOUS")).secretString();
            } catch (ResourceNotFoundException neverRotated) {
                previous = null;
            }
            return new Secrets(new Challenges.Keys(current.getBytes(StandardCharsets.UTF_8)),
                    previous == null ? null : new Challenges.Keys(previous.getBytes(StandardCharsets.UTF_8)));
        } finally {
            http.close();
        }
    }
}
