package fr.rdvnumerique.reporting;

import java.util.List;

/**
 * A part of the report as the council reads it: a title, charts, tables, and sometimes a text. The screen, the PDF
 * and the CSV all render these, so the three always say the same thing.
 */
public record ReportSection(String title, List<Chart> charts, List<Table> tables, String text) {

    public ReportSection(String title, List<Table> tables, String text) {
        this(title, List.of(), tables, text);
    }

    /**
     * A table with its caption; {@code weight} of each row drives the bar drawn beside it (0 = no bar).
     */
    public record Table(String caption, List<String> headers, List<Row> rows) {

        public long maxWeight() {
            return rows.stream().mapToLong(Row::weight).max().orElse(0);
        }
    }

    public record Row(List<String> cells, long weight) {
    }

    /**
     * A chart: categories along one axis, one or more series of values. {@code description} says what the chart
     * shows, values included, for whoever cannot see it (written next to it, and its accessible name).
     */
    public record Chart(String id, String title, Kind kind, String valueAxis, List<String> categories,
                        List<Series> series, String description) {

        public enum Kind {
            /** Vertical bars, categories along the bottom (months). */
            COLUMNS,
            /** Horizontal bars, categories down the side (themes, communes, levels): long labels stay readable. */
            BARS
        }

        public boolean isEmpty() {
            return series.stream().allMatch(s -> s.values().stream().allMatch(v -> v.doubleValue() == 0));
        }
    }

    /** One series of a chart: a value per category, in the categories' order. */
    public record Series(String name, List<Number> values) {
    }
}
