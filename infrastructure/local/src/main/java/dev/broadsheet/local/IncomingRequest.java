package dev.broadsheet.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the gateway received it, before any API Gateway processing: a plain value,
 * so event building and CORS can be tested without a server.
 *
 * @param rawPath    the path, still percent-encoded
 * @param rawQuery   the query string without {@code ?}, still encoded; null when absent
 * @param headers    header values by name, names compared case-insensitively
 * @param sourceIp   the client's address, from the socket
 * @param serverPort the port the request came in on
 */
record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                       byte[] body, String sourceIp, int serverPort, String protocol) {

    IncomingRequest {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        headers = Collections.unmodifiableMap(caseInsensitive);
    }


    /** A header's values joined with commas, as API Gateway passes repeated headers; null when absent. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
