package dev.broadsheet.core;

/**
 * A response body that writes its own JSON: the hot path of every read, without Jackson's
 * databind (about 500 classes to load and introspect on a cold start). Records implementing it
 * write their components in declaration order and leave out nulls, exactly as {@link Json#MAPPER}
 * would write them, so the two are interchangeable (the tests compare them).
 */
public interface JsonWritable {

    void writeJson(JsonWriter out);
}
