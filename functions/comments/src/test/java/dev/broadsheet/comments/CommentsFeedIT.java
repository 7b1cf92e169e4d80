package dev.broadsheet.comments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.comments.handler.CommentsFeedHandler;
import dev.broadsheet.comments.service.ModerationRules;
import dev.broadsheet.core.xml.Rss;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.broadsheet.comments.CommentsFixture.SLUG;
import static dev.broadsheet.comments.CommentsFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code GET /articles/{slug}/comments/feed}, and comments on a scheduled article, on the emulators. */
@ExtendWith(EmulatorsExtension.class)
class CommentsFeedIT {

    private static final String SCHEDULED = "a-scheduled-article";
    private CommentsFixture fixture;

    @BeforeEach
    void setUp(LocalAws aws) {
        fixture = new CommentsFixture(aws);
        fixture.configure(ModerationRules.Mode.NONE, List.of(), List.of(), 0);
    }

    private CommentsFeedHandler feedHandler() {
        return new CommentsFeedHandler(fixture.service, CommentsFixture.ARTICLE_URL, "en", "public, max-age=10");
    }

    private APIGatewayV2HTTPResponse feed(String slug, Map<String, String> headers) {
        return feedHandler().handleRequest(CommentsFixture.event("GET", "/articles/" + slug + "/comments/feed", slug, null, null,
                "203.0.113.1", headers), null);
    }

    @Test
    void theFeedHoldsApprovedCommentsNewestFirstWithoutEmailsAndWithAnETag() throws Exception {
        for (String text : List.of("First <b>bold</b> & fine", "Second", "Third")) {
            Map<String, String> fields = fixture.validFields("Ann <Reader>", "ann@example.com", text);
            assertEquals(201, fixture.submitJson(SLUG, fields, "198.51.100.1").getStatusCode());
            fixture.clock.advance(Duration.ofMinutes(1));
        }
        fixture.configure(ModerationRules.Mode.ALL, List.of(), List.of(), 0);
        assertEquals(201, fixture.submitJson(SLUG, fixture.validFields("Held", "held@example.com", "Pending one"), "198.51.100.2")
                .getStatusCode());

        APIGatewayV2HTTPResponse response = feed(SLUG, Map.of());

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(Rss.CONTENT_TYPE, response.getHeaders().get("Content-Type"));
        assertFalse(response.getBody().contains("ann@example.com"));
        Document rss = parse(response.getBody());
        assertEquals("Comments on Headline of " + SLUG, text(rss.getDocumentElement(), "title"));
        List<String> descriptions = new ArrayList<>();
        NodeList items = rss.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            descriptions.add(text((Element) items.item(i), "description"));
        }
        assertEquals(List.of("Third", "Second", "First <b>bold</b> &amp; fine"), descriptions);
        Element newest = (Element) items.item(0);
        assertEquals("By Ann <Reader>", text(newest, "title"));
        String id = json(fixture.list(SLUG, Map.of(), Map.of())).path("items").get(2).path("id").asText();
        assertEquals("https://news.example.com/articles/" + SLUG + "#comment-" + id, text(newest, "link"));

        APIGatewayV2HTTPResponse again = feed(SLUG, Map.of("if-none-match", response.getHeaders().get("ETag")));
        assertEquals(304, again.getStatusCode());
    }

    @Test
    void aScheduledArticleHasNoCommentsFeedListOrChallengeUntilItsTime() {
        Instant time = fixture.clock.instant().plus(Duration.ofHours(3));
        fixture.publish(SCHEDULED, true, time);

        assertEquals(404, feed(SCHEDULED, Map.of()).getStatusCode());
        assertEquals(404, fixture.list(SCHEDULED, Map.of(), Map.of()).getStatusCode());
        assertEquals(404, fixture.challenge(SCHEDULED).getStatusCode());

        fixture.clock.advance(Duration.ofHours(3));
        assertEquals(200, feed(SCHEDULED, Map.of()).getStatusCode());
        assertEquals(200, fixture.list(SCHEDULED, Map.of(), Map.of()).getStatusCode());
        assertEquals(201, fixture.challenge(SCHEDULED).getStatusCode());
    }

    @Test
    void anUnknownOrMalformedSlugIsAProblem() {
        assertEquals(404, feed("no-such-article", Map.of()).getStatusCode());
        assertEquals(400, feed("Not_A_Slug", Map.of()).getStatusCode());
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
