package dev.broadsheet.editor.terminal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A table of one-line cells that fits a terminal: columns as wide as their widest cell, two spaces
 * apart; when the lines would be wider than the terminal, columns give up width in the order of
 * their {@code shrinkOrder} (lowest first), down to their minimum, then down to one column, and
 * the cells that no longer fit end with an ellipsis. Widths are display columns. A column of ids
 * that commands take ({@link #WHOLE}) is never cut: its lines may then be wider than the terminal.
 */
public final class Table {

    private static final int GAP = 2;
    /** A column's minimum width that keeps it whole. */
    public static final int WHOLE = Integer.MAX_VALUE;

    /**
     * @param minWidth    how narrow the column gets before the next one gives up width
     * @param shrinkOrder which column gives up width first (lowest); the rest keep theirs meanwhile
     */
    public record Column(String header, int minWidth, int shrinkOrder) {
    }

    private final List<Column> columns;

    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The header line and one line per row, each at most {@code width} display columns. */
    public List<String> render(List<List<String>> rows, int width) {
        List<List<String>> all = new ArrayList<>();
        all.add(columns.stream().map(Column::header).toList());
        all.addAll(rows);
        int[] widths = new int[columns.size()];
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row.get(i)));
            }
        }
        fit(widths, width);
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == widths.length - 1 ? DisplayWidth.truncate(row.get(i), widths[i]) : DisplayWidth.pad(row.get(i), widths[i]));
                if (i < widths.length - 1) {
                    line.append(" ".repeat(GAP));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private void fit(int[] widths, int width) {
        int excess = IntStream.of(widths).sum() + GAP * (widths.length - 1) - width;
        List<Integer> order = IntStream.range(0, widths.length).boxed()
                .sorted(Comparator.comparingInt(i -> columns.get(i).shrinkOrder())).toList();
        for (boolean toMinimum : new boolean[] {true, false}) {
            for (int i : order) {
                if (excess <= 0) {
                    return;
                }
                if (columns.get(i).minWidth() == WHOLE) {
                    continue;
                }
                int floor = toMinimum ? Math.min(widths[i], columns.get(i).minWidth()) : 1;
                int given = Math.min(excess, widths[i] - floor);
                widths[i] -= given;
                excess -= given;
            }
        }
    }
}
