package dev.broadsheet.e2e;

import dev.broadsheet.emulators.LocalAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Approves comments the way an editor does: through the comments module's {@code Moderation}
 * (what {@code broadsheet comments approve} calls), against the local API's emulators.
 *
 * <p>Reflection, only because this module was written on a branch built before the comments
 * module existed; once the branches are merged, calling {@code Moderation} directly is simpler.
 */
final class Moderator {

    private static final String MODERATION = "dev.broadsheet.comments.moderation.Moderation";
    private static final String TABLES = "dev.broadsheet.comments.dao.DynamoComments$Tables";

    private final Object moderation;

    private Moderator(Object moderation) {
        this.moderation = moderation;
    }

    /** Why comments cannot be approved here, or empty when they can. */
    static Optional<String> unavailable() {
        try {
            Class.forName(MODERATION);
            Class.forName(TABLES);
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.of(MODERATION + " is not on the classpath: the comments module comes with the comments branch");
        }
    }

    static Moderator of(LocalAws aws) {
        try {
            Class<?> tables = Class.forName(TABLES);
            Object tableNames = tables.getConstructor(String.class, String.class, String.class).newInstance(
                    aws.physicalNames().get("ArticlesTable"), aws.physicalNames().get("CommentsTable"),
                    aws.physicalNames().get("GuardsTable"));
            return new Moderator(Class.forName(MODERATION).getConstructor(DynamoDbClient.class, tables)
                    .newInstance(aws.dynamoDb(), tableNames));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + MODERATION + ": " + e, e);
        }
    }

    /** The moderation ids of the article's pending comments by this email, oldest first. */
    List<String> pendingBy(String slug, String email) {
        List<?> pending = (List<?>) call(moderation, "pending", new Class<?>[] {String.class}, slug);
        return pending.stream()
                .filter(comment -> email.equals(call(comment, "email", new Class<?>[0])))
                .map(comment -> (String) call(comment, "moderationId", new Class<?>[0]))
                .toList();
    }

    /** Approves the one pending comment of the article by this email. */
    void approveOnlyPendingBy(String slug, String email) {
        List<String> ids = pendingBy(slug, email);
        if (ids.size() != 1) {
            throw new AssertionError("Expected one pending comment by " + email + ", found " + ids);
        }
        Object result = call(moderation, "approve", new Class<?>[] {String.class}, ids.get(0));
        if (!String.valueOf(result).equals("CHANGED")) {
            throw new AssertionError("Approving " + ids.get(0) + " answered " + result);
        }
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... args) {
        try {
            Method method = target.getClass().getMethod(name, types);
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + name + " on " + target.getClass().getName() + ": " + e, e);
        }
    }
}
