package org.bluehelm.report;

import java.util.List;
import java.util.Locale;

/**
 * The extension point for sections other modules add to a progress report (risks, lessons): a bean
 * implementing this interface is asked for its table for the report's subject (a programme, a
 * mission or a country) and period, in the report's language, and the table is printed after the
 * alerts. It reads as the requester, within their scope. Figures in such tables are not traced in
 * the annex unless the module adds them to its own table with their sources.
 */
public interface ReportSection {

    /** The section's table, or null when it has nothing to say for this subject and period. */
    @org.jspecify.annotations.Nullable
    Table table(ReportSubject subject, String period, Locale language);

    /**
     * A titled table: column headers and rows of text; {@code empty} is the sentence shown instead
     * when there are no rows.
     */
    record Table(String title, List<String> headers, List<List<String>> rows, String empty) {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
