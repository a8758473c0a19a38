package fr.rdvnumerique.reporting;

import java.util.List;

/**
 * A part of the report as the council reads it: a title, tables, and sometimes a text. The screen, the PDF and
 * the CSV all render these, so the three always say the same thing.
 */
public record ReportSection(String title, List<Table> tables, String text) {

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
}
