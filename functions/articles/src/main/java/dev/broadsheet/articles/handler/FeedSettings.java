package dev.broadsheet.articles.handler;

import dev.broadsheet.core.Environment;

import java.net.URI;

/**
 * What the feeds say about the site, read once at init: its name (the RSS channel's title, Google
 * News' publication name), its language, and its home page (the origin of {@code ArticleUrlPattern}).
 */
record FeedSettings(String siteName, String language, String siteUrl) {

    static FeedSettings from(Environment env, ArticleSettings articles) {
        String siteUrl = URI.create(articles.articleUrlPattern().replace("{slug}", "article")).resolve("/").toString();
        return new FeedSettings(env.require("SITE_NAME"), env.require("SITE_LANGUAGE"), siteUrl);
    }
}
