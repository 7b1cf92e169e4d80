package dev.broadsheet.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonWriterTest {

    @Test
    void problemsAreWrittenAsJacksonWritesThem() throws Exception {
        for (Problem problem : List.of(Problem.notFound("No article \"x\"\n"),
                Problem.invalidRequest(List.of(new Problem.FieldError("email", "invalid", "Not an e-mail: \u0001 \\ é"))),
                Problem.invalidRequest(List.of(new Problem.FieldError("a", "b", null), new Problem.FieldError("c", "d", "e"))))) {
            assertEquals(Json.MAPPER.writeValueAsString(problem), JsonWriter.write(problem));
        }
    }

    @Test
    void nullsInArraysStayAndNullFieldsGo() {
        JsonWritable value = out -> out.beginObject().field("a", (String) null).strings("b", java.util.Arrays.asList("x", null))
                .field("c", List.of(out2 -> out2.beginObject().endObject())).field("d", 5L).field("e", true).endObject();

        assertEquals("{\"b\":[\"x\",null],\"c\":[{}],\"d\":5,\"e\":true}", JsonWriter.write(value));
    }
}
