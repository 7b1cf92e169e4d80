package dev.broadsheet.core.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The size of an item as DynamoDB counts it for capacity ("Item sizes and formats" in the
 * DynamoDB developer guide): per attribute its name's UTF-8 bytes plus its value — strings their
 * UTF-8 bytes, numbers about one byte per two significant digits plus one, booleans and nulls one
 * byte, lists and maps 3 bytes plus one byte per element plus the elements (a map's keys count
 * like attribute names). And read units from it: 4 KB units, rounded up per request (a Query sums
 * its items first), halved for eventually consistent reads, at least one half unit. The editor
 * refuses an article whose item would pass {@link #MAX_BYTES}; the benchmark computes read units.
 */
public final class ItemSize {

    /** DynamoDB's limit for one item. */
    public static final int MAX_BYTES = 400 * 1024;
    static final int READ_UNIT_BYTES = 4096;

    private ItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    /** Read units of one read of items of this many bytes in all, eventually consistent. */
    public static double readUnits(long bytes) {
        return Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES) * 0.5;
    }

    private static long value(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return number(value.n());
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasL()) {
            List<AttributeValue> list = value.l();
            return 3 + list.size() + list.stream().mapToLong(ItemSize::value).sum();
        }
        if (value.hasM()) {
            Map<String, AttributeValue> map = value.m();
            return 3 + map.size() + of(map);
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(ItemSize::utf8).sum();
        }
        if (value.hasNs()) {
            return value.ns().stream().mapToLong(ItemSize::number).sum();
        }
        if (value.hasBs()) {
            return value.bs().stream().mapToLong(bytes -> bytes.asByteArray().length).sum();
        }
        return 0;
    }

    private static long number(String number) {
        String digits = new BigDecimal(number).stripTrailingZeros().unscaledValue().abs().toString();
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

}
