package org.bluehelm.evidence;

import java.util.List;

/**
 * A panel that Bluehelm holds and offers to the estimators without an upload: the shipped
 * country-year reference panel, or a panel a user stored. Implemented by the modules that own such
 * data; the estimator screens and API list every bean of this type.
 *
 * @param id stable identifier used in URLs and API requests, e.g. {@code reference}
 * @param label human name shown in the screens
 * @param unitColumn the column naming the unit (e.g. {@code iso3})
 * @param timeColumn the column naming the time (e.g. {@code year})
 * @param columns every other column, with its label and citation
 */
public interface PanelSource {

    String id();

    String label();

    String unitColumn();

    String timeColumn();

    List<Column> columns();

    /** The panel as CSV text (header row first, one row per unit and time), as {@link PanelReader} reads it. */
    String csv();

    /** One column of a panel source: its name in the CSV, a label, and the source to cite for it. */
    record Column(String name, String label, String citation) {}
}
