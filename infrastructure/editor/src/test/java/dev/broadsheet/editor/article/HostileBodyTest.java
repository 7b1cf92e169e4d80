package dev.broadsheet.editor.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Links;
import dev.broadsheet.articles.model.Span;
import dev.broadsheet.core.Json;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile bodies, in the manner of the local API's bad-input corpus: XSS payloads (a sample of the
 * payloadbox list, see {@code xss/SOURCE.md}) in every place a body takes a string, and a seeded
 * generator of mangled articles. The reader answers every one with the article or with validation
 * errors naming a JSON path — never another exception — and no link it accepts is other than
 * http, https or mailto.
 */
class HostileBodyTest {

    private static final byte[] PNG = TestImages.encode("png", 4, 3);
    private static final ImageFiles FILES = ImageFiles.inMemory(Map.of("a.png", PNG, "b.png", PNG));
    private static final Pattern PATH = Pattern.compile("\\(article\\)|[a-zA-Z]+(\\[\\d+])*(\\.[a-zA-Z]+(\\[\\d+])*)*");
    private static final String VALID = """
            {"slug": "a", "headline": "A", "body": [
              {"type": "paragraph", "content": [{"text": "See "}, {"text": "the BBC", "marks": ["em"], "href": "https://www.bbc.co.uk/news"}, {"break": true}]},
              {"type": "heading", "level": 3, "text": "H"},
              {"type": "quote", "text": "Q", "attribution": "A", "cite": "https://example.com/"},
              {"type": "list", "ordered": true, "items": ["one", {"text": "two", "list": {"items": ["two a"]}}]},
              {"type": "code", "text": "x", "language": "js"},
              {"type": "table", "caption": "T", "header": ["h"], "rows": [["c", {"content": [{"text": "d", "href": "mailto:a@b.example"}]}]]},
              {"type": "image", "image": {"file": "a.png", "alt": "A"}},
              {"type": "gallery", "images": [{"file": "a.png", "alt": "A"}, {"file": "b.png", "alt": "B"}]},
              {"type": "embed", "provider": "youtube", "url": "https://youtu.be/x"},
              {"type": "separator"}]}
            """;

    @Test
    void xssPayloadsAreTextInTextAndNeverALinkUnlessAWebOrMailLink() throws Exception {
        List<String> payloads = payloads();
        assertTrue(payloads.size() > 200, "the sample is there: " + payloads.size());
        int links = 0;
        for (String payload : payloads) {
            // As text: plain text, kept as written (control characters aside), whatever it looks like.
            ArticleDraft draft = readOrRefused(set(json -> ((ObjectNode) json.at("/body/0/content/0")).put("text", payload)));
            if (draft != null) {
                assertEquals(payload, ((Block.Paragraph) draft.body().get(0)).content().get(0).text().substring(0, payload.length()));
            }
            // As a link, a quote's source, an embed's URL, a code block's language.
            for (Consumer<JsonNode> place : List.<Consumer<JsonNode>>of(
                    json -> ((ObjectNode) json.at("/body/0/content/1")).put("href", payload),
                    json -> ((ObjectNode) json.at("/body/2")).put("cite", payload),
                    json -> ((ObjectNode) json.at("/body/8")).put("url", payload),
                    json -> ((ObjectNode) json.at("/body/4")).put("language", payload))) {
                ArticleDraft accepted = readOrRefused(set(place));
                if (accepted != null) {
                    links++;
                    assertLinksAreSafe(accepted);
                }
            }
        }
        assertTrue(links < payloads.size() / 10, "hardly any payload is a plain web link: " + links);
    }

    @Test
    void mangledArticlesAreRefusedWithPathsNeverWithAnotherException() throws Exception {
        Random random = new Random(13);
        List<String> payloads = payloads();
        int refused = 0;
        for (int i = 0; i < 2_000; i++) {
            JsonNode json = Json.MAPPER.readTree(VALID);
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                mangle(json, random, payloads);
            }
            ArticleDraft draft = readOrRefused(json);
            if (draft == null) {
                refused++;
            } else {
                assertLinksAreSafe(draft);
            }
        }
        assertTrue(refused > 1_000, "most mangled articles are refused: " + refused);
    }

    /** Replaces one value somewhere in the body with something hostile: another type, a payload, nothing, a deep nest. */
    private static void mangle(JsonNode json, Random random, List<String> payloads) {
        List<JsonNode> containers = new ArrayList<>();
        collect(json.get("body"), containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        JsonNode value = switch (random.nextInt(9)) {
            case 0 -> Json.MAPPER.getNodeFactory().textNode(payloads.get(random.nextInt(payloads.size())));
            case 1 -> Json.MAPPER.getNodeFactory().numberNode(random.nextInt(7) - 2);
            case 2 -> Json.MAPPER.getNodeFactory().nullNode();
            case 3 -> Json.MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
            case 4 -> Json.MAPPER.createArrayNode();
            case 5 -> Json.MAPPER.createObjectNode();
            case 6 -> Json.MAPPER.getNodeFactory().textNode("x\u0000\u202e\n\r" + "é".repeat(random.nextInt(3)));
            case 7 -> Json.MAPPER.getNodeFactory().textNode("javascript:alert(1)");
            default -> deep(random.nextInt(40));
        };
        if (container.isArray()) {
            ArrayNode array = (ArrayNode) container;
            if (!array.isEmpty()) {
                array.set(random.nextInt(array.size()), value);
            }
        } else {
            List<String> names = new ArrayList<>();
            container.fieldNames().forEachRemaining(names::add);
            String name = random.nextInt(5) == 0 || names.isEmpty()
                    ? List.of("type", "text", "content", "href", "marks", "list", "items", "rows", "break", "level", "x").get(random.nextInt(11))
                    : names.get(random.nextInt(names.size()));
            ((ObjectNode) container).set(name, value);
        }
    }

    private static JsonNode deep(int depth) {
        ObjectNode root = Json.MAPPER.createObjectNode().put("text", "deep");
        ObjectNode node = root;
        for (int i = 0; i < depth; i++) {
            node = node.putObject("list").putArray("items").addObject().put("text", "level " + i);
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static JsonNode set(Consumer<JsonNode> change) throws Exception {
        JsonNode json = Json.MAPPER.readTree(VALID);
        change.accept(json);
        return json;
    }

    /** The draft, or null when refused with validation errors, each naming a JSON path; any other exception fails. */
    private static ArticleDraft readOrRefused(JsonNode json) {
        try {
            return ArticleReader.read(json, FILES).draft();
        } catch (InvalidArticleException e) {
            for (ValidationError error : e.errors()) {
                assertTrue(PATH.matcher(error.field()).matches(), "a JSON path: " + error);
                assertTrue(!error.message().isBlank() && !error.message().contains("Exception"), "a rule: " + error);
            }
            return null;
        } catch (RuntimeException e) {
            fail("not a validation error for " + json, e);
            return null;
        }
    }

    private static void assertLinksAreSafe(ArticleDraft draft) {
        for (Block block : draft.body()) {
            List<Span> spans = new ArrayList<>();
            if (block instanceof Block.Paragraph paragraph) {
                spans.addAll(paragraph.content());
            } else if (block instanceof Block.Table table) {
                table.rows().forEach(row -> row.forEach(cell -> spans.addAll(cell.content())));
            } else if (block instanceof Block.Quote quote && quote.cite() != null) {
                assertTrue(Links.isWebUrl(quote.cite()) && quote.cite().matches("(?i)https?://.*"), quote.cite());
            } else if (block instanceof Block.Embed embed) {
                assertTrue(embed.url().startsWith("https://") && embed.provider().accepts(embed.url()), embed.url());
            }
            for (Span span : spans) {
                if (span instanceof Span.Text text && text.href() != null) {
                    assertTrue(text.href().matches("(?i)(https?://|mailto:).*"), text.href());
                }
            }
        }
    }

    private static List<String> payloads() throws Exception {
        List<String> payloads = new ArrayList<>();
        try (InputStream in = HostileBodyTest.class.getResourceAsStream("/xss/payloadbox-sample.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank()).forEach(payloads::add);
        }
        return payloads;
    }
}
