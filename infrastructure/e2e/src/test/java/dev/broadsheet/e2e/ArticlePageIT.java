package dev.broadsheet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.e2e.DemoSite.Demo;
import dev.broadsheet.local.seed.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The article list and the article page, rendered in Chromium from the API on another origin. */
@ExtendWith(DemoSite.class)
class ArticlePageIT {

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Browser browser;

    @BeforeAll
    static void open() {
        browser = Browser.open();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void showsTheHeadlineCaptionBodyQuotesAndPinIt(Demo demo) throws Exception {
        JsonNode article = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(
                URI.create(demo.api().url() + "/articles/" + SampleArticle.SLUG)).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        browser.get(demo.articleUrl(SampleArticle.SLUG));
        WebElement headline = browser.waitFor(driver -> {
            WebElement h1 = driver.findElement(By.id("headline"));
            return h1.isDisplayed() && !h1.getText().isEmpty() ? h1 : null;
        });

        assertEquals("United States and Russia enter military partnership over Syria", headline.getText());
        assertEquals(article.path("headline").asText() + " — Broadsheet", browser.driver().getTitle());
        assertEquals("John Kerry (left) and Sergei Lavrov (right) Shake hands",
                browser.driver().findElement(By.id("caption")).getText());
        assertEquals("John Kerry and Sergei Lavrov",
                browser.driver().findElement(By.id("hero-image")).getAttribute("alt"));
        assertEquals(article.path("heroImage").path("src").asText(),
                browser.script("return document.getElementById('hero-image').src;"));

        List<WebElement> paragraphs = browser.driver().findElements(By.cssSelector("#body > p"));
        long expectedParagraphs = count(article, "paragraph");
        assertEquals(expectedParagraphs, paragraphs.size());
        assertTrue(paragraphs.get(0).getText().startsWith("The United States and Russia have come to an agreement on Syria"));

        // The reference text quotes the BBC: its paragraph links it.
        WebElement bbc = browser.driver().findElement(By.cssSelector("#body > p > a"));
        assertEquals("the BBC", bbc.getText());
        assertEquals("https://www.bbc.co.uk/news", bbc.getAttribute("href"));

        List<WebElement> quotes = browser.driver().findElements(By.cssSelector("#body > blockquote"));
        assertEquals(count(article, "quote"), quotes.size());
        assertTrue(quotes.get(0).findElement(By.tagName("p")).getText().startsWith("We have agreed on the areas"));
        assertEquals("Sergei Lavrov, Russian Foreign Minister", quotes.get(0).findElement(By.tagName("cite")).getText());

        WebElement pinIt = browser.driver().findElement(By.id("pin-it"));
        assertEquals("Pin It", pinIt.getText());
        assertEquals(article.path("share").path("pinterest").asText(), pinIt.getAttribute("href"));
        assertEquals(List.of(), browser.scriptsFired(), "nothing logged or alerted while rendering");

        browser.screenshot("article-page");
    }

    @Test
    void theHeroImageLoadsThroughTheRedirectToASignedUrl(Demo demo) throws Exception {
        browser.get(demo.articleUrl(SampleArticle.SLUG));
        String src = browser.waitFor(driver -> (String) browser.script(
                "const img = document.getElementById('hero-image'); return img.complete && img.src ? img.src : null;"));

        Number naturalWidth = browser.waitFor(driver -> (Number) browser.script(
                "const img = document.getElementById('hero-image'); return img.complete && img.naturalWidth > 0 ? img.naturalWidth : null;"));
        assertTrue(naturalWidth.intValue() > 0);

        // What the browser followed: the API's stable URL answers 302 with a presigned S3 URL.
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(src)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, redirect.statusCode());
        String location = redirect.headers().firstValue("location").orElseThrow();
        assertTrue(location.contains("X-Amz-Signature="), location);
        assertTrue(location.startsWith(demo.api().aws().s3Endpoint().toString()), location);
    }

    @Test
    void theListLinksToTheArticle(Demo demo) {
        browser.get(demo.siteUrl() + "/");
        WebElement link = browser.waitFor(driver -> driver.findElements(By.cssSelector("#articles .teaser h2 a")).stream()
                .filter(a -> a.getText().equals("United States and Russia enter military partnership over Syria"))
                .findFirst().orElse(null));

        link.click();

        browser.waitFor(driver -> driver.getCurrentUrl().equals(demo.articleUrl(SampleArticle.SLUG))
                && !driver.findElement(By.id("headline")).getText().isEmpty());
        assertEquals(List.of(), browser.scriptsFired());
    }

    @Test
    void anUnknownArticleSaysSo(Demo demo) {
        browser.get(demo.articleUrl("no-such-article"));

        WebElement status = browser.waitFor(driver -> {
            WebElement element = driver.findElement(By.id("status"));
            return element.getText().contains("does not exist") ? element : null;
        });
        assertEquals("This article does not exist, or is not published.", status.getText());
        assertTrue(!browser.driver().findElement(By.id("article")).isDisplayed());
    }

    private static long count(JsonNode article, String type) {
        long count = 0;
        for (JsonNode block : article.path("body")) {
            count += block.path("type").asText().equals(type) ? 1 : 0;
        }
        return count;
    }
}
