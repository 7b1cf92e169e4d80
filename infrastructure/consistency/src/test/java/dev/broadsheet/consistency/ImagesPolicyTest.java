package dev.broadsheet.consistency;

import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The images functions sign URLs with their own role, so the role is what a URL can reach: it
 * must read objects under {@code images/} and nothing else — no write, no list, no other prefix —
 * and read the articles table one item at a time.
 */
class ImagesPolicyTest {

    private static final String IMAGES_CODE = "functions/images/";
    /** Every grant an images function may hold: (action, resource as written in the template). */
    private static final Set<String> ALLOWED = Set.of(
            "s3:GetObject on {Fn::Sub=${ImagesBucket.Arn}/images/*}",
            "dynamodb:GetItem on {Fn::GetAtt=[ArticlesTable, Arn]}");

    private final SamTemplate template = SamTemplate.ofProject();

    @Test
    void theImagesFunctionsReadImagesAndArticlesOnly() {
        List<FunctionDefinition> functions = template.functions().stream()
                .filter(function -> function.codeUri().startsWith(IMAGES_CODE)).toList();
        assertEquals(2, functions.size(), "GET /images/{key+} and GET /articles/{slug}/images");
        for (FunctionDefinition function : functions) {
            assertEquals(ALLOWED, grants(function), function.logicalId());
        }
    }

    /** The (action, resource) pairs of a function's inline statements; anything but an inline Allow statement fails. */
    private static Set<String> grants(FunctionDefinition function) {
        Set<String> grants = new TreeSet<>();
        List<Object> policies = SamTemplate.list(function.properties().get("Policies"));
        assertFalse(policies.isEmpty(), function.logicalId() + " has no policies");
        for (Object policy : policies) {
            // A managed policy name or a SAM policy template (S3ReadPolicy: bucket-wide) would escape the check.
            assertTrue(policy instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Statement"),
                    function.logicalId() + ": only inline statements, got " + policy);
            for (Object raw : SamTemplate.list(SamTemplate.map(policy).get("Statement"))) {
                Map<String, Object> statement = SamTemplate.map(raw);
                assertEquals("Allow", statement.get("Effect"), function.logicalId() + ": " + statement);
                assertFalse(statement.containsKey("NotAction") || statement.containsKey("NotResource"),
                        function.logicalId() + ": " + statement);
                for (String action : values(statement.get("Action"))) {
                    for (String resource : values(statement.get("Resource"))) {
                        grants.add(action + " on " + resource);
                    }
                }
            }
        }
        return grants;
    }

    private static List<String> values(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> values.add(String.valueOf(item)));
        } else {
            values.add(String.valueOf(value));
        }
        return values;
    }
}
