package dev.broadsheet.core;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type   a URI naming the kind of problem, {@code https://broadsheet.dev/problems/<slug>}
 * @param errors the failing fields, for validation problems; empty otherwise
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) implements JsonWritable {

    public static final String TYPE_BASE = "https://broadsheet.dev/problems/";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static Problem of(int status, String typeSlug, String title, String detail) {
        return new Problem(TYPE_BASE + typeSlug, title, status, detail, null);
    }

    public static Problem invalidRequest(List<FieldError> errors) {
        return new Problem(TYPE_BASE + "invalid-request", "The request is not valid", 400,
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are not valid", errors);
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    @Override
    public void writeJson(JsonWriter out) {
        out.beginObject().field("type", type).field("title", title).field("status", status).field("detail", detail)
                .field("errors", errors).endObject();
    }

    /** One failing field: its name, a machine-readable rule code and a sentence for a reader. */
    public record FieldError(String field, String code, String message) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("field", field).field("code", code).field("message", message).endObject();
        }
    }
}
