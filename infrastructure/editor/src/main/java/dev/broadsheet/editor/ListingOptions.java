package dev.broadsheet.editor;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;

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

    /** The first {@code --limit} items, or all. */
    public <T> List<T> shown(List<T> all) {
        return limit == null ? all : all.subList(0, Math.min(limit, all.size()));
    }
}
