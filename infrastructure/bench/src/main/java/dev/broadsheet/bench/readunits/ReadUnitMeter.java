package dev.broadsheet.bench.readunits;

import dev.broadsheet.core.schema.ItemSize;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.Map;

/**
 * Counts the read units of every read a handler makes through the client it is given: asks
 * DynamoDB for them ({@code ReturnConsumedCapacity=TOTAL}) and, beside that, computes them from the
 * sizes of the items read as DynamoDB documents it ({@link ItemSize}), so that an emulator that
 * accounts differently shows up as a difference between the two. A GetItem with a projection is
 * charged for the whole item: its size comes from a read of the whole item by another client.
 */
final class ReadUnitMeter implements ExecutionInterceptor {

    private final DynamoDbClient unmetered;
    private double reported;
    private double computed;
    private int calls;

    ReadUnitMeter(DynamoDbClient unmetered) {
        this.unmetered = unmetered;
    }

    /** What the reads since the last reset cost: as DynamoDB reported, as computed from item sizes, and how many reads. */
    record Reading(double reported, double computed, int calls) {
    }

    Reading reset() {
        Reading reading = new Reading(reported, computed, calls);
        reported = 0;
        computed = 0;
        calls = 0;
        return reading;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (context.request() instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (context.request() instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return context.request();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof QueryResponse query) {
            calls++;
            reported += units(query.consumedCapacity());
            computed += ItemSize.readUnits(query.items().stream().mapToLong(ItemSize::of).sum());
        } else if (context.response() instanceof GetItemResponse get && context.request() instanceof GetItemRequest request) {
            calls++;
            reported += units(get.consumedCapacity());
            Map<String, AttributeValue> whole = unmetered.getItem(read -> read.tableName(request.tableName())
                    .key(request.key()).consistentRead(request.consistentRead())).item();
            long size = whole == null ? 0 : ItemSize.of(whole);
            computed += ItemSize.readUnits(size) * (Boolean.TRUE.equals(request.consistentRead()) ? 2 : 1);
        }
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? Double.NaN : capacity.capacityUnits();
    }
}
