package dev.broadsheet.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test functions for the local runtime, one per behaviour a real function may show. They run in
 * their own JVM under the runtime interface client, from a jar the tests build.
 */
public class Behaviours {

    /** Answers with what it was given and what it sees of its environment; sleeps {@code sleepMs} first. */
    public Map<String, Object> echo(Map<String, Object> event, Context context) throws InterruptedException {
        Object sleep = event.get("sleepMs");
        if (sleep instanceof Number millis) {
            Thread.sleep(millis.longValue());
        }
        System.out.println("echo " + context.getAwsRequestId());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("event", event);
        answer.put("pid", ProcessHandle.current().pid());
        answer.put("requestId", context.getAwsRequestId());
        answer.put("functionName", context.getFunctionName());
        answer.put("memoryLimitInMB", context.getMemoryLimitInMB());
        answer.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        answer.put("invokedFunctionArn", context.getInvokedFunctionArn());
        answer.put("environment", System.getenv());
        answer.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        answer.put("classPath", System.getProperty("java.class.path"));
        answer.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        return answer;
    }

    public Map<String, Object> fail(Map<String, Object> event, Context context) {
        throw new IllegalStateException("boom");
    }

    public Map<String, Object> exit(Map<String, Object> event, Context context) {
        Runtime.getRuntime().halt(3);
        return event;
    }

    public Map<String, Object> sleep(Map<String, Object> event, Context context) throws InterruptedException {
        Thread.sleep(60_000);
        return event;
    }

    /** A response over Lambda's 6 MB limit. */
    public String huge(Map<String, Object> event, Context context) {
        return "x".repeat(7 * 1024 * 1024);
    }
}
