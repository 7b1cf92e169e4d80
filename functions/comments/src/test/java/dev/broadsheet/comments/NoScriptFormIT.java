package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reader without JavaScript: the challenge route's HTML form page, then the plain form post and its 303. */
@ExtendWith(EmulatorsExtension.class)
class NoScriptFormIT {

    private CommentsFixture fixture;

    @BeforeEach
    void setUp(LocalAws aws) {
        fixture = new CommentsFixture(aws);
    }

    private static String field(String html, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        assertTrue(matcher.find(), "no " + pattern + " in " + html);
        return matcher.group(1);
    }

    @Test
    void theFormPageCarriesThePasswordAndTokenAndItsPostComesBackToTheArticle() {
        APIGatewayV2HTTPResponse page = fixture.challengePage(SLUG, null);

        assertEquals(200, page.getStatusCode());
        assertEquals("text/html; charset=utf-8", page.getHeaders().get("Content-Type"));
        assertEquals("no-store", page.getHeaders().get("Cache-Control"));
        assertTrue(page.getHeaders().get("Content-Security-Policy").contains("default-src 'none'"));
        assertTrue(page.getHeaders().get("Content-Security-Policy").contains("form-action 'self' https://news.example.com;"),
                page.getHeaders().get("Content-Security-Policy"));
        String html = page.getBody();
        assertTrue(html.contains("Copy This Password") && html.contains("Type Or Paste Password Here"), html);
        assertTrue(html.contains("You may use these HTML tags and attributes: &lt;a href=&quot;&quot; title=&quot;&quot;&gt;"), html);
        assertTrue(html.contains("action=\"/articles/" + SLUG + "/comments\""), html);
        assertFalse(html.contains("<script"), html);
        String password = field(html, "<p class=\"password\">([^<]+)</p>");
        String token = field(html, "name=\"challengeToken\" value=\"([^\"]+)\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("content", "Posted without JavaScript.");
        form.put("author", "No Script");
        form.put("email", "noscript@example.com");
        form.put("url", "");
        form.put("challengePassword", password);
        form.put("challengeToken", token);
        form.put("phone", "");
        APIGatewayV2HTTPResponse posted = fixture.submitForm(SLUG, form, "198.51.100.80");

        assertEquals(303, posted.getStatusCode(), posted.getBody());
        assertEquals(CommentsFixture.ARTICLE_URL.replace("{slug}", SLUG) + "?comment=pending#respond",
                posted.getHeaders().get("Location"));
    }

    @Test
    void aReplyFormCarriesItsParentAndABadParentIsRefused() {
        String parent = "01JD3Q8ZC0ABCDEFGHJKMNPQRS";

        String html = fixture.challengePage(SLUG, parent).getBody();
        APIGatewayV2HTTPResponse bad = fixture.challengePage(SLUG, "\"><script>alert(1)</script>");

        assertTrue(html.contains("name=\"parentId\" value=\"" + parent + "\""), html);
        assertEquals(400, bad.getStatusCode());
        assertEquals("parentId", CommentsFixture.json(bad).path("errors").get(0).path("field").asText());
    }

    @Test
    void scriptsStillGetJson() {
        APIGatewayV2HTTPResponse json = fixture.challenge(SLUG);

        assertEquals(201, json.getStatusCode());
        assertTrue(json.getHeaders().get("Content-Type").startsWith("application/json"));
    }
}
