package dev.broadsheet.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * template.yaml through the official SAM translator ({@code aws-sam-translator}, the Python
 * library behind {@code sam deploy} and CloudFormation's {@code AWS::Serverless} transform), with
 * the CDN on and off, and the CloudFormation it produces checked: an alarm per function and a
 * topic, tables and bucket retained, no wildcard action, the submit function's UpdateItem limited
 * to the comment count. {@code cfn-lint} then checks every resource against CloudFormation's
 * resource schemas. Both tools come from PyPI ({@code pip install aws-sam-translator cfn-lint});
 * where they are missing these tests are skipped and say so.
 */
class SamTranslatorTest {

    private static final Path TEMPLATE = ProjectFiles.root().resolve("template.yaml");

    @ParameterizedTest(name = "EnableCdn={0}")
    @ValueSource(strings = {"false", "true"})
    void theTemplatePassesTheOfficialSamTranslator(String enableCdn) throws Exception {
        JsonNode cloudFormation = translate(Map.of("EnableCdn", enableCdn));
        JsonNode resources = cloudFormation.path("Resources");

        assertFalse(cloudFormation.has("Transform"), "nothing left for a transform");
        List<String> functions = idsOfType(resources, "AWS::Lambda::Function");
        // One Lambda function per function of the template (the transform adds none and drops none).
        assertEquals(SamTemplate.ofProject().functions().size(), functions.size(), functions.toString());
        for (String function : functions) {
            assertTrue(alarmedFunctions(resources).contains(function), function + " has no alarm");
        }
        assertEquals(1, idsOfType(resources, "AWS::SNS::Topic").size());
        for (String id : ids(resources)) {
            JsonNode resource = resources.path(id);
            String type = resource.path("Type").asText();
            if (type.equals("AWS::DynamoDB::Table") || type.equals("AWS::S3::Bucket")) {
                assertEquals("Retain", resource.path("DeletionPolicy").asText(), id);
                assertEquals("Retain", resource.path("UpdateReplacePolicy").asText(), id);
            }
            if (type.equals("AWS::DynamoDB::Table")) {
                assertTrue(resource.path("Properties").path("DeletionProtectionEnabled").asBoolean(), id);
            }
            // Every alarm notifies the topic.
            if (type.equals("AWS::CloudWatch::Alarm")) {
                assertEquals("AlarmTopic", resource.path("Properties").path("AlarmActions").path(0).path("Ref").asText(), id);
            }
        }
        assertEquals(Set.of(), wildcardActions(resources));
        assertEquals(List.of("{\"ForAllValues:StringEquals\":{\"dynamodb:Attributes\":[\"slug\",\"commentCount\",\"version\",\"status\","
                        + "\"commentsOpen\",\"publishedAt\"]},"
                        + "\"StringEqualsIfExists\":{\"dynamodb:ReturnValues\":[\"NONE\",\"UPDATED_OLD\",\"UPDATED_NEW\"]}}"),
                conditionsOf(resources.path("SubmitCommentFunctionRole"), "dynamodb:UpdateItem", "ArticlesTable"),
                "the submit function may UpdateItem an article's (and its list items') comment count only, on the version read"
                        + " (reading what its condition checks)");
    }

    @Test
    void theChecksFindAWildcardAndAnUnalarmedFunction() throws Exception {
        ObjectNode resources = (ObjectNode) translate(Map.of()).path("Resources");
        ObjectNode statement = (ObjectNode) resources.path("GetArticleFunctionRole").path("Properties").path("Policies")
                .path(0).path("PolicyDocument").path("Statement").path(0);
        statement.set("Action", Json.MAPPER.createArrayNode().add("dynamodb:*"));
        resources.remove("GetArticleErrorsAlarm");
        resources.remove("GetArticleThrottlesAlarm");

        assertEquals(Set.of("GetArticleFunctionRole: dynamodb:*"), wildcardActions(resources));
        assertFalse(alarmedFunctions(resources).contains("GetArticleFunction"));
    }

    @Test
    void cfnLintFindsNothingInTheTemplate() throws Exception {
        Assumptions.assumeTrue(available("cfn-lint", "--version"),
                "cfn-lint is not installed (pip install cfn-lint): CloudFormation resource schema checks skipped");
        Result lint = run(List.of("cfn-lint", "--format", "parseable", TEMPLATE.toString()));
        // 0: clean; informational findings only would be 8. Errors (2) and warnings (4) fail.
        assertTrue(lint.exit() == 0 || lint.exit() == 8, lint.stdout() + lint.stderr());
    }

    /** The translated CloudFormation (JSON), with these parameter values. */
    static JsonNode translate(Map<String, String> parameters) throws Exception {
        Assumptions.assumeTrue(available("python3", "-c", "import samtranslator"),
                "the SAM translator is not installed (pip install aws-sam-translator): translation checks skipped");
        Path script = Files.createTempFile("translate", ".py");
        try (InputStream in = SamTranslatorTest.class.getResourceAsStream("/sam/translate.py")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            Result result = run(List.of("python3", script.toString(), TEMPLATE.toString(), Json.write(parameters)));
            assertEquals(0, result.exit(), "the SAM translator refused the template:\n" + result.stderr());
            return Json.MAPPER.readTree(result.stdout());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static List<String> ids(JsonNode resources) {
        List<String> ids = new ArrayList<>();
        resources.fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    static List<String> idsOfType(JsonNode resources, String type) {
        List<String> ids = new ArrayList<>();
        ids(resources).forEach(id -> {
            if (type.equals(resources.path(id).path("Type").asText())) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Functions named (by Ref) in the FunctionName dimension of an alarm. */
    private static Set<String> alarmedFunctions(JsonNode resources) {
        Set<String> alarmed = new HashSet<>();
        for (String alarm : idsOfType(resources, "AWS::CloudWatch::Alarm")) {
            for (JsonNode dimension : resources.path(alarm).path("Properties").path("Dimensions")) {
                if (dimension.path("Name").asText().equals("FunctionName")) {
                    alarmed.add(dimension.path("Value").path("Ref").asText());
                }
            }
        }
        return alarmed;
    }

    /** "resource: action" for every allowed action with a '*' in any IAM, bucket or managed policy statement. */
    private static Set<String> wildcardActions(JsonNode resources) {
        Set<String> found = new TreeSet<>();
        statements(resources).forEach(entry -> {
            String owner = entry.getKey();
            JsonNode statement = entry.getValue();
            for (JsonNode action : asArray(statement.path("Action"))) {
                // A Deny may be broad (the bucket policy denies s3:* without TLS); an Allow may not.
                if (!statement.path("Effect").asText().equals("Deny") && action.asText().contains("*")) {
                    found.add(owner + ": " + action.asText());
                }
            }
            assertFalse(statement.has("NotAction"), owner + " uses NotAction");
        });
        return found;
    }

    /** The Condition blocks (as JSON) of a role's statements granting this action on this table (by GetAtt). */
    private static List<String> conditionsOf(JsonNode role, String action, String table) {
        List<String> conditions = new ArrayList<>();
        for (JsonNode policy : role.path("Properties").path("Policies")) {
            for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                for (JsonNode granted : asArray(statement.path("Action"))) {
                    boolean onTable = asArray(statement.path("Resource")).toString().contains("[\"" + table + "\",\"Arn\"]");
                    if (granted.asText().equals(action) && onTable) {
                        conditions.add(statement.path("Condition").toString());
                    }
                }
            }
        }
        return conditions;
    }

    /** Every IAM statement of a role's inline policies or a managed policy, with the id of the resource it is in. */
    private static List<Map.Entry<String, JsonNode>> statements(JsonNode resources) {
        List<Map.Entry<String, JsonNode>> statements = new ArrayList<>();
        ids(resources).forEach(id -> {
            JsonNode properties = resources.path(id).path("Properties");
            List<JsonNode> documents = new ArrayList<>();
            properties.path("Policies").forEach(policy -> documents.add(policy.path("PolicyDocument")));
            documents.add(properties.path("PolicyDocument"));
            documents.forEach(document -> document.path("Statement").forEach(statement -> statements.add(Map.entry(id, statement))));
        });
        return statements;
    }

    private static ArrayNode asArray(JsonNode node) {
        if (node instanceof ArrayNode array) {
            return array;
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        if (!node.isMissingNode()) {
            array.add(node);
        }
        return array;
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static boolean available(String... command) {
        try {
            return run(List.of(command)).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static Result run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        // The translator asks for a region only to name the partition; any will do.
        builder.environment().putIfAbsent("AWS_DEFAULT_REGION", "us-east-1");
        Path out = Files.createTempFile("sam", ".out");
        Path err = Files.createTempFile("sam", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
