package org.bluehelm.outcome;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the shipped outcome series on first start, in one transaction: the catalogue
 * ({@code referencedata/outcomes/series.csv}) and the values ({@code outcomes.csv}), every source
 * code harmonised by {@link CountryCodes}. A code that is neither a known country nor in the
 * mapping stops the start: nothing is dropped silently.
 */
@Component
@Order(30) // after the countries and the missions
class OutcomeReferenceLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OutcomeReferenceLoader.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final CountryCodes codes;

    OutcomeReferenceLoader(
            JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction, CountryCodes codes) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
        this.codes = codes;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from outcome_series where owner is null")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Map<String, String> datasets = loadCatalogue();
            Values values = values(datasets);
            long start = System.nanoTime();
            template.batchUpdate(
                    "insert into outcome_value (series_code, iso3, year, value) values (?, ?, ?, ?)",
                    values.rows,
                    new int[] {Types.VARCHAR, Types.CHAR, Types.INTEGER, Types.DOUBLE});
            log.info(
                    "Loaded {} outcome series with {} country-year values ({} values of dropped codes left out) in {} ms",
                    datasets.size(),
                    values.rows.size(),
                    values.dropped,
                    (System.nanoTime() - start) / 1_000_000);
        });
    }

    private Map<String, String> loadCatalogue() {
        Map<String, String> datasets = new HashMap<>();
        for (CSVRecord r : CountryCodes.csv("referencedata/outcomes/series.csv")) {
            jdbc.sql("""
                            insert into outcome_series (code, label_en, label_fr, source, citation, licence, url, unit,
                                                        higher_is_better)
                            values (:code, :labelEn, :labelFr, :source, :citation, :licence, :url, :unit, :higher)""")
                    .param("code", r.get("code"))
                    .param("labelEn", r.get("label_en"))
                    .param("labelFr", r.get("label_fr"))
                    .param("source", r.get("source"))
                    .param("citation", r.get("citation"))
                    .param("licence", r.get("licence"))
                    .param("url", r.get("url"))
                    .param("unit", r.get("unit"))
                    .param("higher", Boolean.parseBoolean(r.get("higher_is_better")))
                    .update();
            datasets.put(r.get("code"), r.get("dataset"));
        }
        return datasets;
    }

    /** The values of outcomes.csv with ISO codes, checked for unknown codes and for two codes merging. */
    Values values(Map<String, String> datasets) {
        Values values = new Values();
        Set<String> seen = new HashSet<>();
        for (CSVRecord r : CountryCodes.csv("referencedata/outcomes/outcomes.csv")) {
            String series = r.get("series");
            String dataset = datasets.get(series);
            if (dataset == null) {
                throw new IllegalStateException(
                        "outcomes.csv line " + r.getRecordNumber() + ": series " + series + " is not in series.csv");
            }
            CountryCodes.Resolution country = codes.resolve(dataset, r.get("code"));
            if (country.dropped()) {
                values.dropped++;
                continue;
            }
            if (country.iso3() == null) {
                throw new IllegalStateException("outcomes.csv line " + (r.getRecordNumber() + 1) + ": code "
                        + r.get("code") + " of " + dataset + " is neither a country nor in country_codes.csv");
            }
            int year = Integer.parseInt(r.get("year"));
            if (!seen.add(series + "|" + country.iso3() + "|" + year)) {
                throw new IllegalStateException("outcomes.csv: two codes give " + series + " for " + country.iso3()
                        + " in " + year + " (add the mapping to country_codes.csv)");
            }
            values.rows.add(new Object[] {series, country.iso3(), year, Double.parseDouble(r.get("value"))});
        }
        return values;
    }

    static final class Values {
        final List<Object[]> rows = new ArrayList<>();
        int dropped;
    }
}
