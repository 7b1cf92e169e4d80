package dev.broadsheet.local;

import dev.broadsheet.core.Json;
import dev.broadsheet.template.OpenApiContract;
import dev.broadsheet.template.SamTemplate.Route;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractCheckTest {

    private final ContractCheck check = new ContractCheck(OpenApiContract.ofProject());
    private final Route getArticle = new Route("GET", "/articles/{slug}", "GetArticleFunction");

    @Test
    void aResponseThatKeepsTheContractPassesUnchanged() {
        GatewayResponse notModified = new GatewayResponse(304,
                Map.of("ETag", List.of("\"abc\""), "Cache-Control", List.of("public, max-age=60")), new byte[0]);

        assertSame(notModified, check.check(getArticle, notModified));
    }

    @Test
    void aResponseThatBreaksItBecomesA500NamingWhat() throws Exception {
        GatewayResponse undeclared = new GatewayResponse(201,
                Map.of("Content-Type", List.of("application/json")), "{}".getBytes(StandardCharsets.UTF_8));

        GatewayResponse checked = check.check(getArticle, undeclared);

        assertEquals(500, checked.status());
        String detail = Json.MAPPER.readTree(checked.body()).path("detail").asText();
        assertTrue(detail.contains("GET /articles/{slug} answered 201"), detail);
    }
}
