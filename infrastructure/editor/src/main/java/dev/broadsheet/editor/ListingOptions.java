package dev.broadsheet.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.destination.Target;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiConsumer;

/** {@code --limit} and {@code --json} of the listings ({@code list}, {@code comments pending}). */
public final class ListingOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Integer limit;

    @Option(names = "--json", description = "One JSON document for scripts (fields: README, \"Listings\").")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "At most N (the first in the listing's order).")
    void limit(int value) {
        if (value < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "--limit must be 1 or more, not " + value);
        }
        limit = value;
    }

    public boolean json() {
        return json;
    }

    /**
     * Prints the {@code --json} document: {@code {"target", "count", "total", <field>: [...]}}, each
     * shown item written into the array by {@code write}.
     */
    public <T> void printJson(PrintWriter out, Target destination, List<T> shown, int total, String field,
                              BiConsumer<T, ObjectNode> write) throws JsonProcessingException {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("target", destination.description());
        document.put("count", shown.size());
        document.put("total", total);
        ArrayNode items = document.putArray(field);
        shown.forEach(item -> write.accept(item, items.addObject()));
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    /** The first {@code --limit} items, or all. */
    public <T> List<T> shown(List<T> all) {
        return limit == null ? all : all.subList(0, Math.min(limit, all.size()));
    }
}
