/**
 * Data exchange: imports and exports of data values as files, in Bluehelm's CSV, XLSX and JSON and
 * in DHIS2's {@code dataValueSets} JSON and CSV layouts, mapping indicators and organisation units by
 * code or id. An import streams its rows in chunks (memory stays flat for millions of rows), checks
 * every row with measurement's rules and reports each problem with its line and field, then writes
 * all or nothing (or, on request, the rows that passed) in one transaction; its progress and summary
 * are kept in an import job that the web page polls and the command line prints. Exports stream the
 * values in the user's scope. Values themselves are owned and written by the measurement module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "measurement", "indicator", "geography", "cli", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.dataexchange;
