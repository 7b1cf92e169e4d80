package dev.broadsheet.editor;

import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.GuardSchema;
import dev.broadsheet.editor.destination.Targets;
import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The template's {@code EditorPolicy} grants exactly what the editor calls (its own code and the
 * comments module's moderation), on exactly its resources, and the stack outputs the editor reads exist.
 */
class EditorPolicyTest {

    private final SamTemplate template = SamTemplate.ofProject();

    private static final Object ARTICLES = Map.of("Fn::GetAtt", List.of("ArticlesTable", "Arn"));
    private static final Object COMMENTS = Map.of("Fn::GetAtt", List.of("CommentsTable", "Arn"));
    private static final Object GUARDS = Map.of("Fn::GetAtt", List.of("GuardsTable", "Arn"));
    private static final Object NOTIFICATIONS = Map.of("Fn::GetAtt", List.of("NotificationsTable", "Arn"));
    private static final Object IMAGES = Map.of("Fn::Sub", "${ImagesBucket.Arn}/images/*");

    /**
     * IAM action → resources, from the calls: DescribeStacks (Targets), GetItem / UpdateItem / Scan
     * (ArticleTable: find, write and unpublish, list; comments close/open read the article and
     * update commentsOpen), PutItem / DeleteItem of list items (in ArticleTable's transactions), HeadObject and PutObject (ImageBucket: HeadObject is authorised as
     * s3:GetObject, and answers 404 rather than 403 only with s3:ListBucket); Moderation: Query on
     * the status index (pending) and the listed index (replies of a comment leaving the list), GetItem of a comment, and the writes of its transactions, each
     * authorised as its own action: UpdateItem of the comment's status, UpdateItem of the article's
     * commentCount, PutItem of the author's standing (approve) or the email's spam decision (spam),
     * DeleteItem of a trashed comment's duplicate marker; bans: GetItem of the comment
     * (--address-of), PutItem and DeleteItem of the ban, Scan of the guards table (bans); Scan of
     * the comments for {@code reindex}; a reader's export and erasure (PersonalData): Scan of the
     * comments and the guards, DeleteItem of a comment (--delete-comments) and of the ban, standing,
     * spam and duplicate records, Query and DeleteItem of the address's partition of the
     * notifications table; the WordPress import: a Query of an article's comment keys and the
     * PutItem of each comment (in a transaction with the article's count).
     */
    private static final Map<String, Set<Object>> EXPECTED = Map.of(
            "cloudformation:DescribeStacks",
            Set.of(Map.of("Fn::Sub", "arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/${AWS::StackName}/*")),
            "dynamodb:GetItem", Set.of(ARTICLES, COMMENTS),
            "dynamodb:UpdateItem", Set.of(ARTICLES, COMMENTS),
            "dynamodb:Scan", Set.of(ARTICLES, COMMENTS, GUARDS),
            "dynamodb:DeleteItem", Set.of(ARTICLES, COMMENTS, GUARDS, NOTIFICATIONS),
            "dynamodb:Query", Set.of(COMMENTS, Map.of("Fn::Sub", "${CommentsTable.Arn}/index/" + CommentSchema.STATUS_INDEX),
                    Map.of("Fn::Sub", "${CommentsTable.Arn}/index/" + CommentSchema.LISTED_INDEX), NOTIFICATIONS),
            "dynamodb:PutItem", Set.of(ARTICLES, COMMENTS, GUARDS),
            "s3:GetObject", Set.of(IMAGES),
            "s3:PutObject", Set.of(IMAGES),
            "s3:ListBucket", Set.of(Map.of("Fn::GetAtt", List.of("ImagesBucket", "Arn"))));

    @Test
    void grantsExactlyWhatTheEditorCalls() {
        Map<String, Object> policy = template.resourcesOfType("AWS::IAM::ManagedPolicy").get("EditorPolicy");
        Map<String, Set<Object>> granted = new HashMap<>();
        for (Object statement : SamTemplate.list(SamTemplate.map(policy.get("PolicyDocument")).get("Statement"))) {
            Map<String, Object> body = SamTemplate.map(statement);
            assertEquals("Allow", body.get("Effect"));
            assertTrue(!body.containsKey("NotAction") && !body.containsKey("NotResource"), body.toString());
            assertFalse(body.get("Resource") instanceof List<?>, "one resource per statement: " + body);
            Object actions = body.get("Action");
            for (Object action : actions instanceof List<?> list ? list : List.of(actions)) {
                granted.computeIfAbsent(String.valueOf(action), ignored -> new HashSet<>()).add(body.get("Resource"));
            }
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), new TreeSet<>(granted.keySet()));
        EXPECTED.forEach((action, resources) -> assertEquals(resources, granted.get(action), action));
    }

    @Test
    void theStackOutputsTheEditorReadsExist() {
        Set<String> outputs = SamTemplate.map(template.document().get("Outputs")).keySet();
        assertTrue(outputs.containsAll(Set.of(Targets.TABLE_OUTPUT, Targets.BUCKET_OUTPUT, Targets.API_URL_OUTPUT,
                Targets.COMMENTS_TABLE_OUTPUT, Targets.GUARDS_TABLE_OUTPUT, Targets.NOTIFICATIONS_TABLE_OUTPUT, "EditorPolicyArn")),
                outputs.toString());
    }

    /**
     * The editor writes only the guards it owns — authors' standing, spam decisions, bans — never a
     * challenge nonce, a flood, duplicate or rate marker (which would let it clear a flood or replay
     * a challenge).
     */
    @Test
    void theGuardWritesAreLimitedToTheKindsTheEditorOwns() {
        Map<String, Object> policy = template.resourcesOfType("AWS::IAM::ManagedPolicy").get("EditorPolicy");
        List<Map<String, Object>> guardWrites = SamTemplate.list(SamTemplate.map(policy.get("PolicyDocument")).get("Statement"))
                .stream().map(SamTemplate::map).filter(statement -> GUARDS.equals(statement.get("Resource")))
                .filter(statement -> !"dynamodb:Scan".equals(statement.get("Action"))).toList();

        assertEquals(1, guardWrites.size(), guardWrites.toString());
        assertEquals(List.of("dynamodb:PutItem", "dynamodb:DeleteItem"), guardWrites.get(0).get("Action"));
        Map<String, Object> condition = SamTemplate.map(guardWrites.get(0).get("Condition"));
        // DUPLICATE: trashing a comment deletes its duplicate marker, so that its text may be posted again.
        assertEquals(List.of(GuardSchema.APPROVED_AUTHOR + "*", GuardSchema.SPAM_EMAIL + "*", GuardSchema.BAN + "*",
                        GuardSchema.DUPLICATE + "*"),
                SamTemplate.map(condition.get("ForAllValues:StringLike")).get("dynamodb:LeadingKeys"));
        assertEquals("false", SamTemplate.map(condition.get("Null")).get("dynamodb:LeadingKeys"),
                "the key must be present for the condition to mean anything");
        for (String foreign : List.of(GuardSchema.NONCE, GuardSchema.PROOF_OF_WORK_NONCE, GuardSchema.FLOOD_IP,
                GuardSchema.FLOOD_EMAIL, GuardSchema.RATE_COMMENTS_IP, GuardSchema.RATE_CHALLENGES_IP)) {
            assertTrue(List.of(GuardSchema.APPROVED_AUTHOR, GuardSchema.SPAM_EMAIL, GuardSchema.BAN, GuardSchema.DUPLICATE).stream()
                    .noneMatch(foreign::startsWith), foreign);
        }
    }
}
