package dev.broadsheet.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;

import java.util.Map;

/** A function whose construction fails, as one with missing configuration does: an init error. */
public class BrokenInit {

    public BrokenInit() {
        throw new IllegalStateException("TABLE_NAME is not set");
    }

    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return event;
    }
}
