package dev.broadsheet.consistency;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.broadsheet.core.CdnOrigin;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.ScheduledHandler;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.NotificationSchema;
import dev.broadsheet.emulators.LocalSecretsManager;
import dev.broadsheet.template.Intrinsics;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The code and template.yaml agree on handlers, deployment jars, environment variables and tables. */
class TemplateConsistencyTest {

    /** Serves the ARN the template's ChallengeSecret resolves to here (its logical id). */
    private static final LocalSecretsManager SECRETS = LocalSecretsManager.start(List.of("ChallengeSecret"));

    @AfterAll
    static void stopSecrets() {
        SECRETS.close();
    }

    /** Set by the Lambda runtime in every function; never declared in a template. */
    private static final Set<String> LAMBDA_RUNTIME_VARIABLES = Set.of("AWS_REGION", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI");
    /** Set only by local runtimes (the local API, tests) to reach emulators; never deployed. */
    private static final Set<String> LOCAL_ONLY_VARIABLES = Set.of("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB",
            "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL_SESV2");
    /**
     * Read by the JVM, not by our code; and the CDN settings, which every handler's base reads from
     * the process environment (HttpHandler, CdnOrigin), so they are never asked of a given Environment.
     */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", CdnOrigin.ENABLED, CdnOrigin.SECRET);

    private final SamTemplate template = SamTemplate.ofProject();

    @Test
    void everyFunctionHasAnHttpHandlerWithTheTwoConstructorsTheRuntimesUse() throws Exception {
        List<FunctionDefinition> functions = template.functions();
        assertFalse(functions.isEmpty());
        for (FunctionDefinition function : functions) {
            assertTrue(function.handler().endsWith("::handleRequest"), function.logicalId() + ": " + function.handler());
            Class<?> handler = Class.forName(function.handlerClass());
            assertTrue(RequestHandler.class.isAssignableFrom(handler) || RequestStreamHandler.class.isAssignableFrom(handler),
                    handler + " is not a RequestHandler");
            if (function.routes().isEmpty()) {
                // Run by a Schedule event (EventBridge), not by a route.
                assertTrue(ScheduledHandler.class.isAssignableFrom(handler), handler + " has no route and does not extend ScheduledHandler");
                assertFalse(template.schedules().stream().noneMatch(schedule -> schedule.functionId().equals(function.logicalId())),
                        function.logicalId() + " has neither a route nor a schedule");
            } else {
                assertTrue(HttpHandler.class.isAssignableFrom(handler), handler + " does not extend HttpHandler");
            }
            handler.getConstructor();
            handler.getConstructor(Environment.class);
        }
    }

    @Test
    void everyVariableTheCodeReadsIsDeclaredAndEveryDeclaredOneIsRead() throws Exception {
        for (FunctionDefinition function : template.functions()) {
            Map<String, String> declared = declaredVariables(function);
            Environment env = new Environment(withRuntimeVariables(declared));

            construct(function, env);

            Set<String> undeclared = new TreeSet<>(env.namesRead());
            undeclared.removeAll(declared.keySet());
            undeclared.removeAll(LAMBDA_RUNTIME_VARIABLES);
            undeclared.removeAll(LOCAL_ONLY_VARIABLES);
            assertEquals(Set.of(), undeclared, function.logicalId() + " reads variables template.yaml does not declare");
            Set<String> unread = new TreeSet<>(declared.keySet());
            unread.removeAll(env.namesRead());
            unread.removeAll(JVM_VARIABLES);
            assertEquals(Set.of(), unread, function.logicalId() + " declares variables its code never reads");
        }
    }

    @Test
    void aMissingRequiredVariableFailsAtInitNamingIt() throws Exception {
        int required = 0;
        for (FunctionDefinition function : template.functions()) {
            Map<String, String> declared = declaredVariables(function);
            for (String name : declared.keySet()) {
                Map<String, String> without = new HashMap<>(withRuntimeVariables(declared));
                without.remove(name);
                try {
                    construct(function, new Environment(without));
                } catch (Environment.MissingConfigurationException e) {
                    assertTrue(e.getMessage().contains(name), e.getMessage());
                    required++;
                }
            }
        }
        assertTrue(required > 0, "some variables are required (the table names at least)");
    }

    @Test
    void theTablesTheCodeQueriesExistAsTheTemplateDefinesThem() {
        Map<String, Object> table = template.resourcesOfType("AWS::DynamoDB::Table").get("ArticlesTable");
        List<Object> indexes = SamTemplate.list(table.get("GlobalSecondaryIndexes"));
        Map<String, Object> lists = indexes.stream().map(SamTemplate::map)
                .filter(index -> ArticleLists.INDEX.equals(index.get("IndexName")))
                .findFirst().orElseThrow(() -> new AssertionError("ArticlesTable has no index " + ArticleLists.INDEX));
        List<String> keys = SamTemplate.list(lists.get("KeySchema")).stream()
                .map(key -> String.valueOf(SamTemplate.map(key).get("AttributeName"))).toList();
        assertEquals(List.of(ArticleLists.LIST_NAME, "publishedAt"), keys);
        List<String> tableKey = SamTemplate.list(table.get("KeySchema")).stream()
                .map(key -> String.valueOf(SamTemplate.map(key).get("AttributeName"))).toList();
        assertEquals(List.of("slug"), tableKey);
    }

    @Test
    void theCommentsTableHasTheModerationQueueIndexTheCodeQueries() {
        Map<String, Object> table = template.resourcesOfType("AWS::DynamoDB::Table").get("CommentsTable");
        Map<String, Object> queue = SamTemplate.list(table.get("GlobalSecondaryIndexes")).stream().map(SamTemplate::map)
                .filter(index -> CommentSchema.STATUS_INDEX.equals(index.get("IndexName")))
                .findFirst().orElseThrow(() -> new AssertionError("CommentsTable has no index " + CommentSchema.STATUS_INDEX));
        assertEquals(List.of("status", "createdAt"), SamTemplate.list(queue.get("KeySchema")).stream()
                .map(key -> String.valueOf(SamTemplate.map(key).get("AttributeName"))).toList());
        assertEquals(List.of("articleSlug", "commentId"), SamTemplate.list(table.get("KeySchema")).stream()
                .map(key -> String.valueOf(SamTemplate.map(key).get("AttributeName"))).toList());
        Map<String, Object> listed = SamTemplate.list(table.get("GlobalSecondaryIndexes")).stream().map(SamTemplate::map)
                .filter(index -> CommentSchema.LISTED_INDEX.equals(index.get("IndexName")))
                .findFirst().orElseThrow(() -> new AssertionError("CommentsTable has no index " + CommentSchema.LISTED_INDEX));
        assertEquals(List.of(CommentSchema.LISTED_IN, "commentId"), SamTemplate.list(listed.get("KeySchema")).stream()
                .map(key -> String.valueOf(SamTemplate.map(key).get("AttributeName"))).toList());
        // What the public list reads of an index item (the table's keys come with every index).
        Map<String, Object> projection = SamTemplate.map(listed.get("Projection"));
        assertEquals("INCLUDE", projection.get("ProjectionType"));
        assertEquals(Set.of(CommentSchema.PARENT_ID, CommentSchema.AUTHOR_NAME, CommentSchema.AUTHOR_URL,
                        CommentSchema.CONTENT_HTML, CommentSchema.CREATED_AT, CommentSchema.STATUS),
                Set.copyOf(SamTemplate.list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList()));
        Map<String, Object> guards = template.resourcesOfType("AWS::DynamoDB::Table").get("GuardsTable");
        assertEquals("expiresAt", SamTemplate.map(guards.get("TimeToLiveSpecification")).get("AttributeName"));
    }

    @Test
    void theMailOutboxIndexAndTheNotificationsTableAreAsTheCodeReadsThem() {
        Map<String, Object> comments = template.resourcesOfType("AWS::DynamoDB::Table").get("CommentsTable");
        Map<String, Object> outbox = SamTemplate.list(comments.get("GlobalSecondaryIndexes")).stream().map(SamTemplate::map)
                .filter(index -> CommentSchema.MAIL_INDEX.equals(index.get("IndexName")))
                .findFirst().orElseThrow(() -> new AssertionError("CommentsTable has no index " + CommentSchema.MAIL_INDEX));
        assertEquals(List.of(CommentSchema.MAIL_QUEUE, CommentSchema.MAIL_DUE_AT), keyNames(outbox.get("KeySchema")));
        Map<String, Object> notifications = template.resourcesOfType("AWS::DynamoDB::Table").get("NotificationsTable");
        assertEquals(List.of(NotificationSchema.PK, NotificationSchema.SK), keyNames(notifications.get("KeySchema")));
        assertEquals(NotificationSchema.EXPIRES_AT, SamTemplate.map(notifications.get("TimeToLiveSpecification")).get("AttributeName"));
    }

    private static List<String> keyNames(Object keySchema) {
        return SamTemplate.list(keySchema).stream().map(key -> String.valueOf(SamTemplate.map(key).get("AttributeName"))).toList();
    }

    @Test
    void everyReferenceInAFunctionNamesAResourceOrParameter() {
        Set<String> known = new HashSet<>(template.resources().keySet());
        known.addAll(SamTemplate.map(template.document().get("Parameters")).keySet());
        for (FunctionDefinition function : template.functions()) {
            function.environment().values().forEach(value -> Intrinsics.resolve(value, name -> {
                assertTrue(known.contains(name), function.logicalId() + " refers to unknown " + name);
                return name;
            }));
        }
    }

    /** The function's variables, references resolved to the logical id or the parameter's default. */
    private Map<String, String> declaredVariables(FunctionDefinition function) {
        Map<String, String> parameters = template.parameterDefaults();
        Map<String, String> declared = new HashMap<>();
        function.environment().forEach((name, value) ->
                declared.put(name, Intrinsics.resolve(value, ref -> parameters.getOrDefault(ref, ref))));
        return declared;
    }

    private static Map<String, String> withRuntimeVariables(Map<String, String> declared) {
        Map<String, String> all = new HashMap<>(declared);
        all.put("AWS_REGION", "us-east-1");
        all.put("AWS_ACCESS_KEY_ID", "consistency-test");
        all.put("AWS_SECRET_ACCESS_KEY", "consistency-test");
        // As in local runs: the comment handlers read their secret from a loopback Secrets Manager.
        all.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", SECRETS.endpoint().toString());
        return all;
    }

    private static Object construct(FunctionDefinition function, Environment env) throws Exception {
        Constructor<?> constructor = Class.forName(function.handlerClass()).getConstructor(Environment.class);
        try {
            return constructor.newInstance(env);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Environment.MissingConfigurationException missing) {
                throw missing;
            }
            fail(function.logicalId() + " failed to initialise: " + e.getCause());
            return null;
        }
    }
}
