package dev.broadsheet.e2e;

import dev.broadsheet.e2e.DemoSite.Demo;
import dev.broadsheet.local.seed.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CORS as the browser enforces it: the same page, served from an origin the API allows and from
 * one it does not (the demo site again, on a second port outside {@code AllowedOrigins}).
 */
@ExtendWith(DemoSite.class)
class CorsIT {

    /** A fetch from the page; answers "ok <status>" or the error's name and message. */
    private static final String FETCH = """
            const done = arguments[arguments.length - 1];
            const init = arguments[1] === "POST"
              ? { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" } : {};
            fetch(arguments[0], init)
              .then(response => done("ok " + response.status), error => done(error.name + ": " + error.message));
            """;

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
    void aPageOnAnAllowedOriginReadsTheApi(Demo demo) {
        browser.get(demo.siteUrl() + "/");

        assertEquals("ok 200", browser.asyncScript(FETCH, demo.api().url() + "/articles/" + SampleArticle.SLUG, "GET"));
    }

    @Test
    void aPageOnAnotherOriginIsRefusedByTheBrowser(Demo demo) {
        browser.get(demo.foreignSiteUrl() + "/");

        // A simple GET (no preflight) and a JSON POST (preflighted): the browser hides both answers.
        Object get = browser.asyncScript(FETCH, demo.api().url() + "/articles/" + SampleArticle.SLUG, "GET");
        Object post = browser.asyncScript(FETCH, demo.api().url() + "/articles/" + SampleArticle.SLUG + "/comments", "POST");
        assertTrue(String.valueOf(get).startsWith("TypeError"), String.valueOf(get));
        assertTrue(String.valueOf(post).startsWith("TypeError"), String.valueOf(post));

        // And the demo's own list page, served from there, cannot show the articles.
        String status = browser.waitFor(driver -> {
            String text = driver.findElement(By.id("status")).getText();
            return text.startsWith("The articles could not be loaded") ? text : null;
        });
        assertTrue(browser.driver().findElements(By.cssSelector("#articles .teaser")).isEmpty(), status);
    }
}
