package dev.broadsheet.core.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/** Reading and writing single attributes of a DynamoDB item, by hand (no bean introspection at cold start). */
public final class Items {

    private Items() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** A timestamp attribute: fixed-width, so that it sorts as a string (see {@link Timestamps}). */
    public static AttributeValue time(Instant instant) {
        return AttributeValue.fromS(Timestamps.format(instant));
    }

    /** No item: GetItem answers an empty map (or none) when the key is not there. */
    public static boolean isMissing(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty();
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** A number attribute; 0 when absent. */
    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    public static boolean bool(Map<String, AttributeValue> item, String name, boolean whenAbsent) {
        AttributeValue value = item.get(name);
        return value == null || value.bool() == null ? whenAbsent : value.bool();
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        return Timestamps.parse(string(item, name));
    }

    /** Puts a string attribute unless it is null or empty (DynamoDB keeps no empty key attributes). */
    public static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, s(value));
        }
    }
}
