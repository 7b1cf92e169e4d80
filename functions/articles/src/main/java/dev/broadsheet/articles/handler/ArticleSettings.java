package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.dao.ArticleRepository;
import dev.broadsheet.articles.dao.DynamoArticleRepository;
import dev.broadsheet.core.AwsClients;
import dev.broadsheet.core.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** What the article handlers take from their environment, read once at init. */
record ArticleSettings(String tableName, String articleUrlPattern, String cacheControl) {

    static final String DEFAULT_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";

    static ArticleSettings from(Environment env) {
        String pattern = env.require("ARTICLE_URL_PATTERN");
        if (!pattern.contains("{slug}")) {
            throw new Environment.MissingConfigurationException("ARTICLE_URL_PATTERN must contain {slug}, got " + pattern);
        }
        return new ArticleSettings(env.require("ARTICLES_TABLE"), pattern,
                env.optional("ARTICLE_CACHE_CONTROL", DEFAULT_CACHE_CONTROL));
    }

    ArticleRepository repository(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB", AwsClients.httpClient(), env).build();
        return new DynamoArticleRepository(dynamoDb, tableName, Clock.systemUTC());
    }
}
