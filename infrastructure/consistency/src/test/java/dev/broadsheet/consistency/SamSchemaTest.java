package dev.broadsheet.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.broadsheet.core.Json;
import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** template.yaml validates against the official SAM schema (a copy in src/test/resources/sam). */
class SamSchemaTest {

    private static JsonSchema samSchema() throws Exception {
        try (InputStream in = SamSchemaTest.class.getResourceAsStream("/sam/sam.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    private static JsonNode template() {
        return Json.MAPPER.valueToTree(SamTemplate.ofProject().document());
    }

    @Test
    void theTemplateValidates() throws Exception {
        Set<ValidationMessage> errors = samSchema().validate(template());

        assertEquals(Set.of(), errors);
    }

    @Test
    void theValidationCatchesAMistake() throws Exception {
        ObjectNode broken = (ObjectNode) template();
        ObjectNode function = (ObjectNode) broken.path("Resources").path("GetArticleFunction").path("Properties");
        function.put("SnapStart", "yes please");
        ((ObjectNode) broken.path("Resources").path("HttpApi").path("Properties")).put("CorsConfigurations", true);

        Set<ValidationMessage> errors = samSchema().validate(broken);

        assertFalse(errors.isEmpty(), "a SnapStart that is not an object and a misspelt property must be reported");
    }
}
