package org.bluehelm.outcome;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The one place where country codes and names of the datasets and of uploads become ISO 3166
 * alpha-3 codes (with Bluehelm's user-assigned XKX for Kosovo), and where each country's UN M49
 * sub-region is known. A code with no row in {@code referencedata/outcomes/country_codes.csv} is
 * taken as it is if it is a known country; every code or name that does not map one-to-one
 * (renamed, dropped groups and former states, codes whose coverage changes) has a row there, with
 * the reason.
 */
@Component
class CountryCodes {

    static final String NAME = "name";

    /** One row of the mapping: {@code iso3} is null when the code is dropped. */
    record Mapping(
            String dataset, String sourceCode, @Nullable String iso3, String kind, String note) {}

    record Region(String code, String nameEn, String nameFr) {}

    /** A country of the reference list with its names and sub-region. */
    record Country(String iso3, String nameEn, String nameFr, Region region) {}

    /** What a source code resolves to: a country, a code dropped for a reason, or nothing known. */
    record Resolution(@Nullable String iso3, @Nullable Mapping mapping) {
        boolean dropped() {
            return iso3 == null && mapping != null;
        }
    }

    private final Map<String, Mapping> mappings = new LinkedHashMap<>();
    private final Map<String, Country> countries = new LinkedHashMap<>();
    private final Map<String, String> namesToIso3 = new HashMap<>();

    CountryCodes() {
        Map<String, String[]> names = new HashMap<>();
        for (CSVRecord r : csv("referencedata/countries/countries.csv")) {
            names.put(r.get("iso3"), new String[] {r.get("name_en"), r.get("name_fr")});
        }
        for (CSVRecord r : csv("referencedata/outcomes/regions.csv")) {
            String[] n = names.get(r.get("iso3"));
            if (n == null) {
                throw new IllegalStateException("regions.csv names an unknown country " + r.get("iso3"));
            }
            Region region = new Region(r.get("region_code"), r.get("region_en"), r.get("region_fr"));
            countries.put(r.get("iso3"), new Country(r.get("iso3"), n[0], n[1], region));
            namesToIso3.put(n[0].toLowerCase(Locale.ROOT), r.get("iso3"));
            namesToIso3.put(n[1].toLowerCase(Locale.ROOT), r.get("iso3"));
        }
        for (CSVRecord r : csv("referencedata/outcomes/country_codes.csv")) {
            String iso3 = r.get("iso3").isBlank() ? null : r.get("iso3");
            if (iso3 != null && !countries.containsKey(iso3)) {
                throw new IllegalStateException("country_codes.csv maps to an unknown country " + iso3);
            }
            Mapping m = new Mapping(r.get("dataset"), r.get("source_code"), iso3, r.get("kind"), r.get("note"));
            mappings.put(key(m.dataset(), m.sourceCode()), m);
        }
    }

    /** Resolves a code of a dataset ({@code wgi}, {@code vdem}) to a country. */
    Resolution resolve(String dataset, String code) {
        Mapping m = mappings.get(key(dataset, code));
        if (m != null) {
            return new Resolution(m.iso3(), m);
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return new Resolution(countries.containsKey(upper) ? upper : null, null);
    }

    /**
     * Resolves what a user wrote in an upload: an ISO alpha-3 code, an English or French name of
     * the reference list, a World Bank code that differs from ISO, or another name of the mapping.
     */
    Resolution resolveUpload(String text) {
        String t = text.strip();
        if (countries.containsKey(t.toUpperCase(Locale.ROOT)) && t.length() == 3) {
            return new Resolution(t.toUpperCase(Locale.ROOT), null);
        }
        String named = namesToIso3.get(t.toLowerCase(Locale.ROOT));
        if (named != null) {
            return new Resolution(named, null);
        }
        Resolution byName = resolve(NAME, t);
        if (byName.mapping() != null) {
            return byName;
        }
        Resolution byCode = resolve("wgi", t);
        return byCode.mapping() != null ? byCode : new Resolution(null, null);
    }

    Optional<Country> country(String iso3) {
        return Optional.ofNullable(countries.get(iso3.toUpperCase(Locale.ROOT)));
    }

    Map<String, Country> countries() {
        return Collections.unmodifiableMap(countries);
    }

    List<Mapping> mappings() {
        return List.copyOf(mappings.values());
    }

    private static String key(String dataset, String code) {
        return dataset + "|" + code.strip().toLowerCase(Locale.ROOT);
    }

    static List<CSVRecord> csv(String path) {
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped reference data cannot be read: " + path, e);
        }
    }
}
