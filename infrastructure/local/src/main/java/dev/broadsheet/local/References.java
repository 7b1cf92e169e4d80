package dev.broadsheet.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code Ref} or {@code ${Name}} stands for locally: a template parameter (its default or
 * the command line's override), a resource (its emulator name), or a pseudo parameter.
 */
final class References {

    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * @param overrides parameter values from the command line; each must name a template parameter
     */
    References(Map<String, String> parameterDefaults, Map<String, String> overrides,
               Map<String, String> physicalNames, String region) {
        overrides.keySet().stream().filter(name -> !parameterDefaults.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("template.yaml has no parameter " + name
                    + " (it has " + String.join(", ", parameterDefaults.keySet()) + ")");
        });
        values.putAll(physicalNames);
        values.putAll(parameterDefaults);
        values.putAll(overrides);
        values.put("AWS::Region", region);
        values.put("AWS::AccountId", EventFactory.ACCOUNT_ID);
        values.put("AWS::Partition", "aws");
        values.put("AWS::URLSuffix", "amazonaws.com");
    }

    /** The value, or null: {@code Intrinsics} turns null into an error naming the reference. */
    String lookup(String name) {
        return values.get(name);
    }
}
