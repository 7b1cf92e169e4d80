package dev.broadsheet.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.local.seed.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local API with its demo site: the site knows the API, and the API's article links point at the site. */
class LocalApiSiteIT {

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static LocalApi api;

    @BeforeAll
    static void start() {
        api = LocalApi.start(Settings.inMemory().withSite(0));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theSiteRunsOnItsOwnOriginAndKnowsTheApi() throws Exception {
        String site = api.siteUrl().orElseThrow();
        assertTrue(!site.equals(api.url()), site);

        HttpResponse<String> config = get(site + "/config.js");
        assertEquals(200, config.statusCode());
        assertEquals("window.BROADSHEET_CONFIG = {\"apiUrl\":\"" + api.url() + "\"};\n", config.body());
        HttpResponse<String> page = get(site + "/articles/" + SampleArticle.SLUG);
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self';") && policy.contains("connect-src " + api.url() + ";")
                && policy.contains("form-action 'self' " + api.url() + ";") && policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(config.headers().firstValue("Content-Security-Policy").isEmpty(), "pages carry it; scripts need not");
    }

    @Test
    void articleLinksPointAtTheSitesArticlePages() throws Exception {
        JsonNode article = Json.MAPPER.readTree(get(api.url() + "/articles/" + SampleArticle.SLUG).body());

        assertEquals(api.siteUrl().orElseThrow() + "/articles/" + SampleArticle.SLUG,
                article.path("share").path("canonicalUrl").asText());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
