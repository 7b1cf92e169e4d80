package dev.broadsheet.local;

import dev.broadsheet.local.Router.RouteMatch;
import dev.broadsheet.template.SamTemplate.Route;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {

    private final Router router = new Router(List.of(
            new Route("GET", "/articles", "List"),
            new Route("GET", "/articles/{slug}", "Get"),
            new Route("GET", "/articles/featured", "Featured"),
            new Route("GET", "/articles/{slug}/images", "Images"),
            new Route("POST", "/articles/{slug}/comments", "Comment"),
            new Route("GET", "/images/{key+}", "Image"),
            new Route("GET", "/images/logo.png", "Logo"),
            new Route("ANY", "/any/{thing}", "Any"),
            new Route("DELETE", "/any/{thing}", "Delete")));

    @Test
    void literalRouteWinsOverParameter() {
        assertEquals("Featured", function("GET", "/articles/featured"));
        assertEquals("Get", function("GET", "/articles/yesterday"));
    }

    @Test
    void literalRouteWinsOverGreedy() {
        assertEquals("Logo", function("GET", "/images/logo.png"));
        assertEquals("Image", function("GET", "/images/logo.png/2x"));
    }

    @Test
    void parameterTakesExactlyOneNonEmptySegment() {
        RouteMatch match = router.route("GET", "/articles/a-slug/images").orElseThrow();
        assertEquals("Images", match.route().functionId());
        assertEquals(Map.of("slug", "a-slug"), match.pathParameters());
        assertEquals("GET /articles/{slug}/images", match.routeKey());
        assertEquals(Optional.empty(), router.route("GET", "/articles/"));
        assertEquals(Optional.empty(), router.route("GET", "/articles/a/b/c"));
    }

    @Test
    void greedyParameterTakesTheRestOfThePath() {
        RouteMatch match = router.route("GET", "/images/images/2024/a%20b.png").orElseThrow();
        assertEquals(Map.of("key", "images/2024/a b.png"), match.pathParameters());
        assertEquals("GET /images/{key+}", match.routeKey());
        assertEquals(Optional.empty(), router.route("GET", "/images/"));
        assertEquals(Optional.empty(), router.route("GET", "/images"));
    }

    @Test
    void parametersArePercentDecodedAfterSplitting() {
        assertEquals(Map.of("slug", "caf\u00e9 a/b+c"),
                router.route("GET", "/articles/caf%C3%A9%20a%2Fb+c").orElseThrow().pathParameters());
        assertEquals("Featured", function("GET", "/articles/%66eatured"));
    }

    @Test
    void malformedPercentEncodingIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> router.route("GET", "/articles/%E"));
    }

    @Test
    void methodMustMatchAndExplicitMethodWinsOverAny() {
        assertEquals("Comment", function("POST", "/articles/x/comments"));
        assertEquals(Optional.empty(), router.route("GET", "/articles/x/comments"));
        assertEquals(Optional.empty(), router.route("POST", "/articles"));
        assertEquals("Delete", function("DELETE", "/any/x"));
        assertEquals("Any", function("PATCH", "/any/x"));
    }

    @Test
    void unknownPathsDoNotMatch() {
        assertTrue(router.route("GET", "/nope").isEmpty());
        assertTrue(router.route("GET", "/").isEmpty());
        assertTrue(router.route("GET", "/articles/x/").isEmpty());
    }

    private String function(String method, String path) {
        return router.route(method, path).orElseThrow(() -> new AssertionError("no route for " + path)).route().functionId();
    }
}
