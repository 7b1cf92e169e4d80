package dev.broadsheet.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A function with SnapStart hooks, registered through {@code org.crac} as the product's handlers are. */
public class Primed implements Resource {

    private final List<String> lifecycle = new ArrayList<>();

    public Primed() {
        lifecycle.add("init");
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        lifecycle.add("beforeCheckpoint");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        lifecycle.add("afterRestore");
    }

    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        lifecycle.add("invoke");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("lifecycle", List.copyOf(lifecycle));
        answer.put("initializationType", System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
        return answer;
    }
}
