package dev.broadsheet.emulators;

import java.util.LinkedHashMap;
import java.util.Map;

/** Local physical names of the template's tables and buckets, by logical id (e.g. {@code ArticlesTable}). */
public record ResourceNames(Map<String, String> tables, Map<String, String> buckets) {

    public ResourceNames {
        tables = Map.copyOf(tables);
        buckets = Map.copyOf(buckets);
    }

    /** Tables and buckets together: what a {@code Ref} to either resolves to locally. */
    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>(tables);
        all.putAll(buckets);
        return Map.copyOf(all);
    }
}
