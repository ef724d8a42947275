package org.bluehelm.portal;

import java.util.List;

/**
 * A downloadable table of the portal with its licence and how to cite it; the JSON download is
 * this record, the CSV download its rows.
 */
public record PublicTable<T>(String title, String licence, String licenceUrl, String citation, List<T> rows) {}
