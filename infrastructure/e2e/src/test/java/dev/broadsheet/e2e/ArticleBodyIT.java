package dev.broadsheet.e2e;

import dev.broadsheet.core.Json;
import dev.broadsheet.e2e.DemoSite.Demo;
import dev.broadsheet.editor.article.ImageFiles;
import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.publish.ImageBucket;
import dev.broadsheet.editor.publish.Progress;
import dev.broadsheet.editor.publish.Publisher;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo renders every block type of the body model from the API, with DOM APIs only: an article
 * published through the editor's publisher with one block of each type (and an XSS payload in its
 * text) is shown block by block, as elements, its text as text; a screenshot is saved as
 * {@code target/screenshots/article-every-block.png}. (A link other than http, https or mailto never
 * reaches the page: the editor refuses it, and the tests' local API answers 500 for a response off
 * the contract; the page's own scheme check stands behind both.)
 */
@ExtendWith(DemoSite.class)
class ArticleBodyIT {

    private static final String SLUG = "council-approves-bridge-every-block";
    private static final String PAYLOAD = "<img src=x onerror=alert(1)>";
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
    void everyBlockTypeIsRenderedWithItsTextAsText(Demo demo) throws Exception {
        publish(demo.api().aws(), """
                {"slug": "%s", "headline": "City council approves new bridge", "summary": "Every block the body model has.",
                 "publishedAt": "2026-11-29T08:00:00.000Z", "tags": ["local"],
                 "heroImage": {"file": "river.png", "alt": "The river at dusk", "caption": "Where the bridge will stand"},
                 "body": [
                   {"type": "paragraph", "content": [{"text": "The council voted on Tuesday, "},
                     {"text": "the BBC", "href": "https://www.bbc.co.uk/news"}, {"text": " reported. "},
                     {"text": "Seven", "marks": ["strong", "em"]}, {"text": " to two; CO"}, {"text": "2", "marks": ["sub"]},
                     {"text": " falls by 10"}, {"text": "3", "marks": ["sup"]}, {"text": " tonnes."}, {"break": true},
                     {"text": "Ask the desk: "}, {"text": "desk@example.com", "marks": ["code"], "href": "mailto:desk@example.com"},
                     {"text": " or type %s as you like."}]},
                   {"type": "heading", "level": 3, "text": "How each ward voted"},
                   {"type": "heading", "level": 4, "text": "The numbers"},
                   {"type": "quote", "text": "A good day for the city.", "attribution": "The mayor", "cite": "https://council.example.gov/mayor"},
                   {"type": "list", "ordered": true, "items": ["Survey the banks", {"text": "Build the spans", "list": {"items": ["North span", "South span"]}}]},
                   {"type": "code", "language": "sql", "text": "SELECT ward, votes\\n  FROM results;"},
                   {"type": "table", "caption": "Votes by ward", "header": ["Ward", "For", "Against"],
                    "rows": [["North", "4", "1"], [{"content": [{"text": "South", "marks": ["strong"]}]}, "3", "1"]]},
                   {"type": "image", "image": {"file": "chart.png", "alt": "A chart of the votes", "caption": "How each ward voted"}},
                   {"type": "gallery", "caption": "The river today", "images": [{"file": "north.png", "alt": "The north bank", "caption": "North"},
                     {"file": "south.png", "alt": "The south bank", "caption": "South"}]},
                   {"type": "embed", "provider": "youtube", "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "caption": "The debate, in full"},
                   {"type": "separator"},
                   {"type": "paragraph", "text": "Work starts in the spring."}]}
                """.formatted(SLUG, PAYLOAD.replace("\"", "\\\"")));

        browser.get(demo.articleUrl(SLUG));
        WebElement body = browser.waitFor(driver -> {
            WebElement element = driver.findElement(By.id("body"));
            return element.isDisplayed() && !element.findElements(By.tagName("hr")).isEmpty() ? element : null;
        });

        WebElement first = body.findElement(By.cssSelector(":scope > p"));
        WebElement link = first.findElement(By.cssSelector("a[href='https://www.bbc.co.uk/news']"));
        assertEquals("the BBC", link.getText());
        assertEquals("Seven", first.findElement(By.cssSelector("strong > em")).getText());
        assertEquals("2", first.findElement(By.tagName("sub")).getText());
        assertEquals("3", first.findElement(By.tagName("sup")).getText());
        assertEquals(1, first.findElements(By.tagName("br")).size());
        assertEquals("desk@example.com", first.findElement(By.cssSelector("a[href='mailto:desk@example.com'] > code")).getText());
        assertTrue(first.getText().contains("or type " + PAYLOAD + " as you like."), "the payload is text: " + first.getText());
        assertEquals(0, body.findElements(By.cssSelector("img[src=x], [onerror]")).size(), "no element made of the text");

        assertEquals("How each ward voted", body.findElement(By.cssSelector(":scope > h3")).getText());
        assertEquals("The numbers", body.findElement(By.cssSelector(":scope > h4")).getAttribute("textContent"));
        WebElement quote = body.findElement(By.cssSelector(":scope > blockquote"));
        assertEquals("https://council.example.gov/mayor", quote.getAttribute("cite"));
        assertEquals("A good day for the city.", quote.findElement(By.tagName("p")).getText());
        assertEquals("The mayor", quote.findElement(By.tagName("cite")).getText());
        assertEquals("https://council.example.gov/mayor", quote.findElement(By.cssSelector("a.quote-source")).getAttribute("href"));

        WebElement list = body.findElement(By.cssSelector(":scope > ol"));
        assertEquals("Survey the banks", list.findElement(By.cssSelector(":scope > li:first-child")).getText());
        assertEquals(List.of("North span", "South span"),
                list.findElements(By.cssSelector(":scope > li > ul > li")).stream().map(WebElement::getText).toList());
        assertEquals("SELECT ward, votes\n  FROM results;",
                browser.script("return document.querySelector('#body > pre.code > code').textContent;"));

        WebElement table = body.findElement(By.cssSelector("table"));
        assertEquals("Votes by ward", table.findElement(By.tagName("caption")).getText());
        assertEquals(List.of("Ward", "For", "Against"), table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList());
        assertEquals("South", table.findElement(By.cssSelector("tbody tr:nth-child(2) td strong")).getText());

        assertEquals("A chart of the votes", body.findElement(By.cssSelector(":scope > figure.inline-image img")).getAttribute("alt"));
        List<WebElement> gallery = body.findElements(By.cssSelector(":scope > figure.gallery figure.gallery-image img"));
        assertEquals(List.of("The north bank", "The south bank"), gallery.stream().map(image -> image.getAttribute("alt")).toList());
        assertEquals("The river today", body.findElement(By.cssSelector(":scope > figure.gallery > figcaption")).getText());
        // Every image of the body loaded, through the images route's redirect to a signed URL.
        browser.waitFor(driver -> (Boolean) browser.script("return Array.from(document.querySelectorAll('#body img'))"
                + ".every(img => img.complete && img.naturalWidth > 0);"));

        WebElement card = body.findElement(By.cssSelector(":scope > figure.embed a.embed-card"));
        assertEquals("https://www.youtube.com/watch?v=aqz-KE-bpKQ", card.getAttribute("href"));
        assertEquals("YouTube", card.findElement(By.className("embed-provider")).getText());
        assertEquals(0, browser.driver().findElements(By.tagName("iframe")).size(), "an embed is a link, not the provider's player");
        assertEquals(1, body.findElements(By.cssSelector(":scope > hr")).size());
        assertEquals(List.of(), browser.scriptsFired(), "nothing logged or alerted while rendering");

        browser.screenshot("article-every-block");
    }

    private static void publish(LocalAws aws, String json) throws Exception {
        Publisher publisher = new Publisher(new ArticleTable(aws.dynamoDb(), aws.physicalNames().get("ArticlesTable")),
                new ImageBucket(aws.s3(), aws.physicalNames().get("ImagesBucket")), Clock.systemUTC());
        publisher.publish(Json.MAPPER.readTree(json), ImageFiles.inMemory(Map.of(
                        "river.png", picture(1200, 500, new Color(0x1d3557), new Color(0xe76f51)),
                        "chart.png", picture(800, 400, new Color(0xf1faee), new Color(0x457b9d)),
                        "north.png", picture(600, 400, new Color(0x2a9d8f), new Color(0xe9c46a)),
                        "south.png", picture(600, 400, new Color(0x264653), new Color(0xf4a261)))),
                Progress.SILENT, Publisher.Request.overwriting("the end-to-end test"));
    }

    /** A picture to look at in the screenshot: a diagonal gradient. */
    private static byte[] picture(int width, int height, Color from, Color to) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, from, width, height, to));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
