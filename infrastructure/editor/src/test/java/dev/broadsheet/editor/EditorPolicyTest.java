package dev.broadsheet.editor;

import dev.broadsheet.editor.target.Targets;
import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The template's {@code EditorPolicy} grants exactly what the editor calls, on exactly its
 * resources, and the stack outputs the editor reads exist.
 */
class EditorPolicyTest {

    private final SamTemplate template = SamTemplate.ofProject();

    /**
     * IAM action → resource, from the calls: DescribeStacks (Targets), GetItem / UpdateItem / Scan
     * (ArticleTable: find, write and unpublish, list), HeadObject and PutObject (ImageBucket: HeadObject
     * is authorised as s3:GetObject, and answers 404 rather than 403 only with s3:ListBucket).
     */
    private static final Map<String, Object> EXPECTED = Map.of(
            "cloudformation:DescribeStacks",
            Map.of("Fn::Sub", "arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/${AWS::StackName}/*"),
            "dynamodb:GetItem", Map.of("Fn::GetAtt", List.of("ArticlesTable", "Arn")),
            "dynamodb:UpdateItem", Map.of("Fn::GetAtt", List.of("ArticlesTable", "Arn")),
            "dynamodb:Scan", Map.of("Fn::GetAtt", List.of("ArticlesTable", "Arn")),
            "s3:GetObject", Map.of("Fn::Sub", "${ImagesBucket.Arn}/images/*"),
            "s3:PutObject", Map.of("Fn::Sub", "${ImagesBucket.Arn}/images/*"),
            "s3:ListBucket", Map.of("Fn::GetAtt", List.of("ImagesBucket", "Arn")));

    @Test
    void grantsExactlyWhatTheEditorCalls() {
        Map<String, Object> policy = template.resourcesOfType("AWS::IAM::ManagedPolicy").get("EditorPolicy");
        Map<String, Object> granted = new HashMap<>();
        for (Object statement : SamTemplate.list(SamTemplate.map(policy.get("PolicyDocument")).get("Statement"))) {
            Map<String, Object> body = SamTemplate.map(statement);
            assertEquals("Allow", body.get("Effect"));
            assertTrue(!body.containsKey("NotAction") && !body.containsKey("NotResource"), body.toString());
            Object actions = body.get("Action");
            for (Object action : actions instanceof List<?> list ? list : List.of(actions)) {
                granted.put(String.valueOf(action), body.get("Resource"));
            }
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), new TreeSet<>(granted.keySet()));
        EXPECTED.forEach((action, resource) -> assertEquals(resource, granted.get(action), action));
    }

    @Test
    void theStackOutputsTheEditorReadsExist() {
        Set<String> outputs = SamTemplate.map(template.document().get("Outputs")).keySet();
        assertTrue(outputs.containsAll(Set.of(Targets.TABLE_OUTPUT, Targets.BUCKET_OUTPUT, Targets.API_URL_OUTPUT, "EditorPolicyArn")),
                outputs.toString());
    }
}
