package dev.broadsheet.local;

import dev.broadsheet.core.Problem;
import dev.broadsheet.template.OpenApiContract;
import dev.broadsheet.template.SamTemplate.Route;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The integration tests' check that every response a function gives keeps openapi.yaml's promise
 * (status, content type, body schema, required headers). On when the system property
 * {@value #PROPERTY} is {@code true} — Failsafe sets it for every integration test — and off for
 * the command line. A response that breaks the contract is replaced by a 500 problem naming what
 * it broke, so the test that received it fails and says why.
 */
final class ContractCheck {

    static final String PROPERTY = "broadsheet.openapi.check";

    private final OpenApiContract contract;

    ContractCheck(OpenApiContract contract) {
        this.contract = contract;
    }

    /** The check when the system property asks for it, else null. */
    static ContractCheck fromSystemProperty() {
        return Boolean.getBoolean(PROPERTY) ? new ContractCheck(OpenApiContract.ofProject()) : null;
    }

    GatewayResponse check(Route route, GatewayResponse response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        List<String> violations = contract.violations(route.method() + " " + route.path(), response.status(), headers,
                new String(response.body(), StandardCharsets.UTF_8));
        if (violations.isEmpty()) {
            return response;
        }
        System.err.println("openapi.yaml violated: " + violations);
        return GatewayResponse.problem(Problem.of(500, "contract-violation", "The response breaks openapi.yaml",
                String.join("; ", violations)));
    }
}
