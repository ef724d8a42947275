package org.bluehelm.portal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bluehelm.mission.DeploymentView;
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
                            v.suppressed() ? "<5" : plain(v.value())
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
