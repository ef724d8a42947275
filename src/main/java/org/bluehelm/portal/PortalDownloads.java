package org.bluehelm.portal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bluehelm.complaint.AccountabilityStatistic;
import org.bluehelm.complaint.CasePerformance;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.mission.DeploymentView;
import org.bluehelm.ssrindex.SsrIndexSeries;
import org.jspecify.annotations.Nullable;

/** The CSV form of the portal's tables: the rows only, one header line (the citation is on the page and in JSON). */
final class PortalDownloads {

    private PortalDownloads() {}

    static String valuesCsv(List<PublicValue> values) {
        return csv(
                new String[] {"indicator_code", "indicator", "unit", "dimension", "org_unit", "period", "value"},
                values.stream()
                        .map(v -> new Object[] {
                            v.indicatorCode(),
                            v.indicatorName(),
                            v.unit(),
                            v.dimension(),
                            v.orgUnit(),
                            v.period(),
                            v.suppressed() ? SmallCells.label(SmallCells.DEFAULT_THRESHOLD) : plain(v.value())
                        })
                        .toList());
    }

    static String deploymentsCsv(List<DeploymentView> deployments) {
        return csv(
                new String[] {"mission", "country", "year", "source", "troops", "police", "observers", "citation"},
                deployments.stream()
                        .map(d -> new Object[] {
                            d.missionAcronym(),
                            d.countryCode(),
                            d.year(),
                            d.source(),
                            plain(d.troops()),
                            plain(d.police()),
                            plain(d.observers()),
                            d.citation()
                        })
                        .toList());
    }

    /** The index: one line per unit, year and dimension (OVERALL for the overall score), with coverage. */
    static String indexCsv(List<SsrIndexSeries> series) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (SsrIndexSeries s : series) {
            for (SsrIndexSeries.Point p : s.points()) {
                rows.add(new Object[] {
                    s.orgUnit().code(),
                    s.orgUnit().name(),
                    p.period().id(),
                    "OVERALL",
                    plain(p.score()),
                    p.coverage().covered(),
                    p.coverage().applicable()
                });
                for (SsrIndexSeries.DimensionPoint d : p.dimensions()) {
                    rows.add(new Object[] {
                        s.orgUnit().code(),
                        s.orgUnit().name(),
                        p.period().id(),
                        d.dimension().name(),
                        plain(d.score()),
                        d.coverage().covered(),
                        d.coverage().applicable()
                    });
                }
            }
        }
        return csv(
                new String[] {
                    "org_unit_code",
                    "org_unit",
                    "period",
                    "dimension",
                    "score",
                    "indicators_with_value",
                    "indicators_applicable"
                },
                rows);
    }

    /** The accountability statistics; a suppressed figure is "<5", a figure without value empty. */
    static String accountabilityCsv(List<AccountabilityStatistic> rows) {
        return csv(
                new String[] {
                    "year",
                    "institution",
                    "received",
                    "closed",
                    "substantiated",
                    "substantiated_share_percent",
                    "median_days_to_close",
                    "overdue",
                    "overdue_share_percent"
                },
                rows.stream()
                        .map(r -> new Object[] {
                            r.year(),
                            r.unnamed() ? "(not named)" : r.institution() == null ? "(all)" : r.institution(),
                            cell(r.received()),
                            cell(r.closed()),
                            cell(r.substantiated()),
                            cell(r.substantiatedShare()),
                            cell(r.medianDaysToClose()),
                            cell(r.overdue()),
                            cell(r.overdueShare())
                        })
                        .toList());
    }

    private static String cell(CasePerformance.Cell cell) {
        return cell.suppressed() ? SmallCells.label(SmallCells.DEFAULT_THRESHOLD) : plain(cell.value());
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String csv(String[] header, List<Object[]> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer =
                CSVFormat.DEFAULT.builder().setHeader(header).get().print(out)) {
            for (Object[] row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
