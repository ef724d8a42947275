package org.bluehelm.geography;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Loads the ISO 3166 country list shipped in {@code referencedata/countries} on first start. */
@Component
@Order(10)
class CountryLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CountryLoader.class);
    static final String FILE = "referencedata/countries/countries.csv";

    private final GeographyService geography;

    CountryLoader(GeographyService geography) {
        this.geography = geography;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (geography.countryCount() > 0) {
            return;
        }
        List<CountryView> countries = new ArrayList<>();
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                String iso2 = r.get("iso2");
                countries.add(new CountryView(
                        r.get("iso3"), iso2.isBlank() ? null : iso2, r.get("name_en"), r.get("name_fr")));
            }
        }
        geography.insertCountries(countries);
        log.info("Loaded {} countries from {}", countries.size(), FILE);
    }
}
