package dev.broadsheet.e2e;

import dev.broadsheet.core.schema.GuardSchema;
import dev.broadsheet.e2e.DemoSite.Demo;
import dev.broadsheet.local.seed.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The "Leave a Reply" form in Chromium against the comments API: the password challenge, a
 * pending comment, approval by an editor, a wrong password, the form posted without the page's
 * script, and a comment made of XSS payloads.
 */
@ExtendWith(DemoSite.class)
class CommentsIT {

    private static final String SLUG = SampleArticle.SLUG;

    /** Payloads of our own: each would set the flag the browser hooks watch. */
    private static final List<String> FLAG_PAYLOADS = List.of(
            "<script>window.__broadsheetXss = 'script'</script>",
            "<img src=x onerror=\"window.__broadsheetXss = 'img onerror'\">",
            "<svg onload=\"window.__broadsheetXss = 'svg onload'\"></svg>",
            "<a href=\"javascript:window.__broadsheetXss = 'javascript url'\">a link</a>",
            "<iframe srcdoc=\"<script>parent.__broadsheetXss = 'srcdoc'</script>\"></iframe>",
            "<b onmouseover=\"window.__broadsheetXss = 'b'\" style=\"position:fixed;inset:0\">bold</b>",
            "<details open ontoggle=\"window.__broadsheetXss = 'details'\">x</details>",
            "<q cite=\"javascript:window.__broadsheetXss = 'cite'\">quoted</q>",
            "\"><img src=x onerror=window.__broadsheetXss='attribute breakout'>");

    private static Browser browser;

    @BeforeAll
    static void open() {
        assumeTrue(Browser.unavailable().isEmpty(), () -> Browser.unavailable().orElse(""));
        browser = Browser.open();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theFormShowsThePasswordAndTheAllowedTags(Demo demo) {
        openArticle(demo);

        String form = browser.driver().findElement(By.id("respond")).getText();
        assertTrue(form.contains("Leave a Reply"), form);
        assertTrue(form.contains("Your email address will not be published. Required fields are marked *"), form);
        assertTrue(form.contains("Copy This Password"), form);
        assertTrue(form.contains("Type Or Paste Password Here"), form);
        assertEquals("You may use these HTML tags and attributes: <a href=\"\" title=\"\"> <abbr title=\"\"> "
                        + "<acronym title=\"\"> <b> <blockquote cite=\"\"> <cite> <code> <del datetime=\"\"> <em> <i> "
                        + "<q cite=\"\"> <strike> <strong>",
                browser.driver().findElement(By.id("allowed-tags")).getText());
        assertFalse(browser.driver().findElement(By.name("phone")).isDisplayed(), "the honeypot is hidden");
        assertEquals(demo.api().url() + "/articles/" + SLUG + "/comments",
                browser.driver().findElement(By.id("comment-form")).getAttribute("action"));
    }

    @Test
    void aCommentWithTheCopiedPasswordIsPendingShowsOnceApprovedAndTakesAThreadedReply(Demo demo) {
        String author = "Reader " + unique();
        String email = unique() + "@example.com";
        openArticle(demo);

        submit(author, email, "I hope the ceasefire holds. " + unique(), null);

        WebElement pending = browser.waitFor(driver -> visible(driver.findElement(By.id("pending"))));
        assertTrue(pending.getText().contains("awaiting moderation"), pending.getText());
        assertEquals(1, Moderator.of(demo.api().aws()).pendingBy(SLUG, email).size());
        WebElement shown = commentBy(author);
        assertEquals("Your comment is awaiting moderation.", shown.findElement(By.className("moderation")).getText());

        Moderator.of(demo.api().aws()).approveOnlyPendingBy(SLUG, email);
        WebElement comment = reloadUntilCommentBy(demo, author);

        assertTrue(comment.findElement(By.className("comment-content")).getText().startsWith("I hope the ceasefire holds."));
        assertTrue(comment.findElements(By.className("moderation")).isEmpty());
        assertEquals(List.of(), browser.scriptsFired());

        // A reply: the form moves under the comment, and the approved reply is nested in it.
        String parentId = comment.getAttribute("id").substring("comment-".length());
        comment.findElement(By.className("reply-link")).click();
        assertEquals(parentId, browser.driver().findElement(By.id("parent")).getAttribute("value"));
        assertEquals(Boolean.TRUE, browser.script("return arguments[0].contains(document.getElementById('respond'));", comment));
        String replier = "Replier " + unique();
        String replierEmail = unique() + "@example.com";
        submit(replier, replierEmail, "A reply to " + author, null);
        browser.waitFor(driver -> visible(driver.findElement(By.id("pending"))));
        Moderator.of(demo.api().aws()).approveOnlyPendingBy(SLUG, replierEmail);
        WebElement reply = reloadUntilCommentBy(demo, replier);

        WebElement thread = browser.driver().findElement(By.id("comment-" + parentId));
        assertEquals(Boolean.TRUE, browser.script(
                "return arguments[0].parentElement.classList.contains('children') && arguments[0].parentElement.parentElement === arguments[1];",
                reply, thread));
        browser.screenshot("comments-threaded", thread);
    }

    @Test
    void aWrongPasswordIsShownNextToTheFieldAndNothingIsStored(Demo demo) {
        Map<String, Integer> before = itemCounts(demo);
        String author = "Wrong Password " + unique();
        openArticle(demo);

        submit(author, unique() + "@example.com", "This should never be stored.", "not-the-password");

        WebElement error = browser.waitFor(driver -> driver.findElements(By.cssSelector(".field-error[data-field=challengePassword]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertTrue(error.getText().toLowerCase().contains("password"), error.getText());
        assertEquals(Boolean.TRUE, browser.script("const input = document.getElementById('password');"
                + " return input.nextElementSibling === arguments[0] && input.getAttribute('aria-invalid') === 'true';", error));
        assertTrue(browser.driver().findElements(By.cssSelector(".field-error[data-field=author], .field-error[data-field=email]"))
                .isEmpty());
        // A fresh password replaces the refused one.
        browser.waitFor(driver -> !driver.findElement(By.id("challenge-password")).getText().isEmpty());
        browser.screenshot("comment-form-error", browser.driver().findElement(By.id("respond")));

        assertEquals(before, itemCounts(demo), "no comment and no guard written");
        assertTrue(browser.driver().findElements(By.cssSelector("#comment-list .comment-author")).stream()
                .noneMatch(element -> element.getText().equals(author)));
    }

    @Test
    void theFormPostedWithoutTheScriptComesBackToTheArticle(Demo demo) {
        String email = unique() + "@example.com";
        openArticle(demo);
        fill("No Script " + unique(), email, "Posted as a plain form. " + unique(), null);

        // form.submit() fires no submit event: the browser posts form-encoded, as without JavaScript.
        postNatively();

        // The API's 303 brings the reader back with the outcome in the query: comment=pending or comment-error=<type>.
        String url = browser.waitFor(driver -> driver.getCurrentUrl().matches(".*[?&]comment(-error)?=.*") ? driver.getCurrentUrl() : null);
        assertTrue(url.startsWith(demo.articleUrl(SLUG) + "?comment=pending"), url);
        WebElement pending = browser.waitFor(driver -> visible(driver.findElement(By.id("pending"))));
        assertTrue(pending.getText().contains("awaiting moderation"), pending.getText());
        assertEquals(1, Moderator.of(demo.api().aws()).pendingBy(SLUG, email).size());
    }

    @Test
    void aReaderWithoutJavaScriptGetsTheFormWithItsPasswordAndComesBackToTheArticle(Demo demo) {
        String email = unique() + "@example.com";
        try (Browser noScript = Browser.openWithoutJavaScript()) {
            String url = postWithoutJavaScript(noScript, demo, email);

            assertTrue(url.startsWith(demo.articleUrl(SLUG) + "?comment=pending"), url);
            assertEquals(1, Moderator.of(demo.api().aws()).pendingBy(SLUG, email).size());
        }
    }

    /** From the article page's noscript button to the API's form page, then the post and its 303. */
    private static String postWithoutJavaScript(Browser noScript, Demo demo, String email) {
        noScript.get(demo.articleUrl(SLUG));
        noScript.driver().findElement(By.cssSelector("form.noscript-comment button")).click();
        noScript.waitFor(driver -> driver.getCurrentUrl().startsWith(demo.api().url()) ? true : null);
        String password = noScript.driver().findElement(By.className("password")).getText();
        noScript.driver().findElement(By.id("content")).sendKeys("Written with JavaScript off. " + unique());
        noScript.driver().findElement(By.id("author")).sendKeys("No Script Reader");
        noScript.driver().findElement(By.id("email")).sendKeys(email);
        noScript.driver().findElement(By.id("challengePassword")).sendKeys(password);
        noScript.driver().findElement(By.cssSelector("button[type=submit]")).click();
        return noScript.waitFor(driver -> driver.getCurrentUrl().matches(".*[?&]comment(-error)?=.*") ? driver.getCurrentUrl() : null);
    }

    @Test
    void aCommentOfXssPayloadsIsShownAndRunsNoScript(Demo demo) throws IOException {
        String author = "Payloads " + unique();
        String email = unique() + "@example.com";
        String content = payloads();
        openArticle(demo);

        submit(author, email, content, null);
        browser.waitFor(driver -> visible(driver.findElement(By.id("pending"))));
        Moderator.of(demo.api().aws()).approveOnlyPendingBy(SLUG, email);
        WebElement comment = reloadUntilCommentBy(demo, author);
        // Give load and error events (img onerror, svg onload, iframes) time to fire, had any survived.
        sleepSeconds(2);

        assertFalse(comment.findElement(By.className("comment-content")).getText().isBlank());
        assertEquals(List.of(), browser.scriptsFired(), "alert/confirm/prompt/console or the flag");
        @SuppressWarnings("unchecked")
        List<String> unsafe = (List<String>) browser.script("""
                const allowed = new Set(["A", "ABBR", "ACRONYM", "B", "BLOCKQUOTE", "CITE", "CODE", "DEL", "EM", "I", "Q", "STRIKE", "STRONG"]);
                const found = [];
                for (const node of arguments[0].querySelector('.comment-content').querySelectorAll('*')) {
                  if (!allowed.has(node.tagName)) found.push('element ' + node.tagName);
                  for (const attribute of node.attributes) {
                    if (/^on/i.test(attribute.name) || attribute.name === 'style' || attribute.name === 'src') found.push('attribute ' + attribute.name);
                    if ((attribute.name === 'href' || attribute.name === 'cite') && !/^(https?:|mailto:)/i.test(attribute.value)) {
                      found.push(attribute.name + ' ' + attribute.value);
                    }
                  }
                }
                return found;
                """, comment);
        assertEquals(List.of(), unsafe);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void openArticle(Demo demo) {
        browser.get(demo.articleUrl(SLUG));
        browser.waitFor(driver -> !driver.findElement(By.id("challenge-password")).getText().isEmpty()
                && driver.findElement(By.id("respond")).isDisplayed());
    }

    /** Fills the form; the password is the one shown (copied) unless {@code password} is given. */
    private static void fill(String author, String email, String content, String password) {
        var driver = browser.driver();
        driver.findElement(By.id("author")).sendKeys(author);
        driver.findElement(By.id("email")).sendKeys(email);
        // Long texts through the value, not key by key; the form is the same.
        browser.script("document.getElementById('comment').value = arguments[0];", content);
        String shown = driver.findElement(By.id("challenge-password")).getText();
        WebElement field = driver.findElement(By.id("password"));
        field.clear();
        field.sendKeys(password == null ? shown : password);
    }

    /**
     * Fills and submits through the page's script, and waits for the outcome the page shows. No
     * wait for the flood interval: the demo's API runs with {@code CommentFloodSeconds=0}.
     */
    private static void submit(String author, String email, String content, String password) {
        fill(author, email, content, password);
        browser.driver().findElement(By.id("submit")).click();
        browser.waitFor(driver -> visible(driver.findElement(By.id("pending"))) != null
                || driver.findElement(By.id("form-error")).isDisplayed()
                || !driver.findElements(By.className("field-error")).isEmpty());
    }

    private static void postNatively() {
        browser.script("HTMLFormElement.prototype.submit.call(document.getElementById('comment-form'));");
    }

    private static WebElement reloadUntilCommentBy(Demo demo, String author) {
        // Comment lists are cacheable for seconds; the demo's fetch may revalidate, so reload until shown.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            browser.get(demo.articleUrl(SLUG));
            try {
                return browser.waitFor(driver -> commentBy(author));
            } catch (org.openqa.selenium.TimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /** The comment shown by this author, or null. */
    private static WebElement commentBy(String author) {
        return browser.driver().findElements(By.cssSelector("#comment-list .comment")).stream()
                .filter(item -> item.findElement(By.className("comment-author")).getText().equals(author))
                .findFirst().orElse(null);
    }

    /**
     * Comments, and guards other than the per-minute challenge counters: the page asking for a fresh
     * password after a refusal counts a challenge, and opens a new counter when a minute has turned.
     */
    private static Map<String, Integer> itemCounts(Demo demo) {
        var dynamoDb = demo.api().aws().dynamoDb();
        var names = demo.api().aws().physicalNames();
        long guards = dynamoDb.scan(scan -> scan.tableName(names.get("GuardsTable"))).items().stream()
                .filter(item -> !item.get(GuardSchema.PK).s().startsWith(GuardSchema.RATE_CHALLENGES_IP))
                .count();
        return Map.of("CommentsTable", dynamoDb.scan(scan -> scan.tableName(names.get("CommentsTable"))).count(),
                "GuardsTable", (int) guards);
    }

    /** About 200 lines of the payloadbox corpus and our own flag-setting payloads, one per line. */
    private static String payloads() throws IOException {
        try (InputStream in = CommentsIT.class.getResourceAsStream("/xss/payloadbox-sample.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + String.join("\n", FLAG_PAYLOADS) + "\n" + unique();
        }
    }

    private static WebElement visible(WebElement element) {
        return element.isDisplayed() ? element : null;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
