package dev.broadsheet.bench.probe;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MiniJsonTest {

    @Test
    void readsWhatSampleEventsHold() {
        Map<String, Object> json = MiniJson.object("""
                {"version": "2.0", "headers": {"a": "b\\"c\\u00e9\\n"}, "cookies": ["x", "y"],
                 "requestContext": {"timeEpoch": 1473753600000, "ratio": 1.5e2}, "isBase64Encoded": false,
                 "body": null, "empty": {}, "none": []}
                """);

        assertEquals("2.0", json.get("version"));
        assertEquals("b\"cé\n", ((Map<?, ?>) json.get("headers")).get("a"));
        assertEquals(List.of("x", "y"), json.get("cookies"));
        assertEquals(1473753600000L, ((Map<?, ?>) json.get("requestContext")).get("timeEpoch"));
        assertEquals(150.0, ((Map<?, ?>) json.get("requestContext")).get("ratio"));
        assertEquals(false, json.get("isBase64Encoded"));
        assertNull(json.get("body"));
        assertEquals(Map.of(), json.get("empty"));
        assertEquals(List.of(), json.get("none"));
    }

    @Test
    void rejectsWhatIsNotOneObject() {
        assertThrows(IllegalArgumentException.class, () -> MiniJson.object("[1]"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.object("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.object("{\"a\": tru}"));
    }
}
