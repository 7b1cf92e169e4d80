package dev.broadsheet.bench;

import java.util.List;
import java.util.Objects;

/** The statistics of repeated runs. */
final class Stats {

    private Stats() {
    }

    /** The median, the mean of the middle two for an even count; null when there are no values. */
    static Double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Rounded to the given number of decimals, for reports; null stays null. */
    static Double round(Double value, int decimals) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
