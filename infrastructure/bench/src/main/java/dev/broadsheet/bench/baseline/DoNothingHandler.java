package dev.broadsheet.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Does nothing with API Gateway's event types: what the runtime client (reading the event, writing
 * the response) and the Runtime API's round trip cost by themselves.
 */
public final class DoNothingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final APIGatewayV2HTTPResponse OK = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
            .withBody("{}").build();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return OK;
    }
}
