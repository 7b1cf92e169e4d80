package dev.broadsheet.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.core.Environment;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * One function of the template, its handler built once through the handler's
 * {@code (Environment)} constructor, as Lambda's init phase builds it once per execution
 * environment.
 */
final class LocalFunction {

    private final String name;
    private final int timeoutSeconds;
    private final int memoryMb;
    private final String region;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;

    private LocalFunction(String name, int timeoutSeconds, int memoryMb, String region,
                          RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        this.name = name;
        this.timeoutSeconds = timeoutSeconds;
        this.memoryMb = memoryMb;
        this.region = region;
        this.handler = handler;
    }

    /**
     * @param globals     the template's {@code Globals.Function}, for Timeout and MemorySize
     * @param environment the function's variables, references already resolved
     */
    static LocalFunction load(FunctionDefinition definition, Map<String, Object> globals, Map<String, String> environment) {
        if (!definition.handler().endsWith("::handleRequest")) {
            throw new IllegalStateException(definition.logicalId() + ": the local API invokes RequestHandler.handleRequest, "
                    + "but template.yaml names " + definition.handler());
        }
        return new LocalFunction(definition.logicalId(),
                setting(definition, globals, "Timeout", 3),
                setting(definition, globals, "MemorySize", 128),
                environment.get("AWS_REGION"),
                instantiate(definition, new Environment(environment)));
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(
            FunctionDefinition definition, Environment environment) {
        String className = definition.handlerClass();
        try {
            Class<?> type = Class.forName(className);
            if (!RequestHandler.class.isAssignableFrom(type)) {
                throw new IllegalStateException(definition.logicalId() + ": " + className + " is not a RequestHandler");
            }
            Constructor<?> constructor = type.getConstructor(Environment.class);
            return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) constructor.newInstance(environment);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(definition.logicalId() + ": handler class " + className
                    + " is not on the classpath; add its function module as a dependency of infrastructure/local", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(definition.logicalId() + ": " + className
                    + " needs a public constructor taking dev.broadsheet.core.Environment", e);
        } catch (InvocationTargetException e) {
            // The handler's own init failure (missing configuration, say) is the message worth showing.
            throw new IllegalStateException(definition.logicalId() + ": " + className + " failed to initialize: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(definition.logicalId() + ": cannot instantiate " + className + ": " + e, e);
        }
    }

    private static int setting(FunctionDefinition definition, Map<String, Object> globals, String property, int lambdaDefault) {
        Object value = definition.properties().getOrDefault(property, globals.get(property));
        return value == null ? lambdaDefault : Integer.parseInt(String.valueOf(value));
    }

    /**
     * Invokes the handler. One invocation at a time, like one Lambda execution environment:
     * handlers may assume it, and the local API must not find races that Lambda never would.
     */
    synchronized APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event, String requestId) {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        return handler.handleRequest(event, new LocalContext(name, requestId, deadline, memoryMb, region, new StderrLogger(name)));
    }

    String name() {
        return name;
    }
}
