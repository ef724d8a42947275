package org.bluehelm.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every code or name that does not map one-to-one to the ISO alpha-3 code of the same letters, one
 * assertion each, and a check that the mapping file holds no row this test does not know: adding a
 * mapping without a test fails here.
 */
class CountryCodesTests {

    private final CountryCodes codes = new CountryCodes();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "wgi, ZAR, COD",
        "wgi, ROM, ROU",
        "wgi, TMP, TLS",
        "wgi, ADO, AND",
        "wgi, KSV, XKX",
        "wgi, WBG, PSE",
        "name, 'Congo, Dem. Rep.', COD",
        "name, DRC, COD",
        "name, Zaire, COD",
        "name, 'Congo, Rep.', COG",
        "name, Ivory Coast, CIV",
        "name, Cote d'Ivoire, CIV",
        "name, East Timor, TLS",
        "name, Burma, MMR",
        "name, West Bank and Gaza, PSE",
        "name, Kosovo, XKX"
    })
    void aRenamedCodeOrNameBecomesAnotherIsoCode(String dataset, String code, String iso3) {
        assertThat(codes.resolve(dataset, code).iso3()).isEqualTo(iso3);
        assertThat(codes.resolve(dataset, code).mapping()).isNotNull();
    }

    @ParameterizedTest(name = "{0} {1} dropped")
    @CsvSource({
        "wgi, ANT, dissolved in 2010",
        "wgi, FXS, a group of countries",
        "wgi, DSF, a group of countries",
        "wgi, DNS, a group of countries",
        "wgi, NXS, a group of countries",
        "wgi, NRS, a group of countries",
        "wgi, RRS, a group of countries",
        "name, Yugoslavia, a former state",
        "name, Serbia and Montenegro, a former state",
        "name, Czechoslovakia, a former state",
        "name, USSR, a former state",
        "name, Sudan (former), before the 2011 split"
    })
    void aGroupOrFormerStateIsDroppedWithTheReason(String dataset, String code, String reason) {
        CountryCodes.Resolution r = codes.resolve(dataset, code);
        assertThat(r.dropped()).isTrue();
        assertThat(r.mapping().note()).contains(reason);
    }

    @ParameterizedTest(name = "{0} {1} kept, coverage changes")
    @CsvSource({
        "wgi, SRB, Montenegro",
        "vdem, SRB, Yugoslavia",
        "vdem, SDN, South Sudan",
        "vdem, DEU, German Democratic Republic",
        "vdem, YEM, South Yemen",
        "vdem, VNM, Republic of Vietnam",
        "vdem, SOM, Somaliland"
    })
    void aCodeWhoseCoverageChangesIsKeptWithTheCaveat(String dataset, String code, String caveat) {
        CountryCodes.Resolution r = codes.resolve(dataset, code);
        assertThat(r.iso3()).isEqualTo(code);
        assertThat(r.mapping().note()).contains(caveat);
    }

    @Test
    void everyRowOfTheMappingFileIsTestedAbove() {
        List<String> tested = List.of(
                "wgi|ZAR",
                "wgi|ROM",
                "wgi|TMP",
                "wgi|ADO",
                "wgi|KSV",
                "wgi|WBG",
                "name|Congo, Dem. Rep.",
                "name|DRC",
                "name|Zaire",
                "name|Congo, Rep.",
                "name|Ivory Coast",
                "name|Cote d'Ivoire",
                "name|East Timor",
                "name|Burma",
                "name|West Bank and Gaza",
                "name|Kosovo",
                "wgi|ANT",
                "wgi|FXS",
                "wgi|DSF",
                "wgi|DNS",
                "wgi|NXS",
                "wgi|NRS",
                "wgi|RRS",
                "name|Yugoslavia",
                "name|Serbia and Montenegro",
                "name|Czechoslovakia",
                "name|USSR",
                "name|Sudan (former)",
                "wgi|SRB",
                "vdem|SRB",
                "vdem|SDN",
                "vdem|DEU",
                "vdem|YEM",
                "vdem|VNM",
                "vdem|SOM");
        assertThat(codes.mappings().stream().map(m -> m.dataset() + "|" + m.sourceCode()))
                .containsExactlyInAnyOrderElementsOf(tested);
    }

    @Test
    void aCodeWithoutAMappingIsTakenAsItIsOnlyWhenItIsAKnownCountry() {
        assertThat(codes.resolve("wgi", "LBR").iso3()).isEqualTo("LBR");
        assertThat(codes.resolve("vdem", "SOM").iso3()).isEqualTo("SOM");
        CountryCodes.Resolution unknown = codes.resolve("wgi", "XYZ");
        assertThat(unknown.iso3()).isNull();
        assertThat(unknown.dropped()).isFalse();
    }

    @Test
    void uploadsAcceptCodesEnglishAndFrenchNamesAndTheMappedNames() {
        assertThat(codes.resolveUpload("lbr").iso3()).isEqualTo("LBR");
        assertThat(codes.resolveUpload("Liberia").iso3()).isEqualTo("LBR");
        assertThat(codes.resolveUpload("Somalie").iso3()).isEqualTo("SOM");
        assertThat(codes.resolveUpload("Ivory Coast").iso3()).isEqualTo("CIV");
        assertThat(codes.resolveUpload("ZAR").iso3()).isEqualTo("COD");
        assertThat(codes.resolveUpload("Yugoslavia").dropped()).isTrue();
        assertThat(codes.resolveUpload("Atlantis").iso3()).isNull();
    }

    @Test
    void everyCountryHasAUnM49SubRegion() {
        assertThat(codes.countries()).hasSizeGreaterThan(240);
        assertThat(codes.country("LBR").orElseThrow().region().nameEn()).isEqualTo("Western Africa");
        assertThat(codes.country("SOM").orElseThrow().region().nameEn()).isEqualTo("Eastern Africa");
        assertThat(codes.country("XKX").orElseThrow().region().nameEn()).isEqualTo("Southern Europe");
    }

    /**
     * Every code of the shipped outcome file resolves: to a country, or dropped with a reason; and no
     * two source codes merge into one country-year of a series.
     */
    @Test
    void everyCodeOfTheShippedOutcomesResolvesAndNoneMerge() {
        Map<String, String> datasets = new HashMap<>();
        for (CSVRecord r : CountryCodes.csv("referencedata/outcomes/series.csv")) {
            datasets.put(r.get("code"), r.get("dataset"));
        }
        OutcomeReferenceLoader loader = new OutcomeReferenceLoader(null, null, null, codes);
        OutcomeReferenceLoader.Values values = loader.values(datasets);
        assertThat(values.rows).hasSizeGreaterThan(49_000);
        assertThat(values.dropped).isPositive();
        Map<String, Double> byKey =
                values.rows.stream().collect(Collectors.toMap(r -> r[0] + "|" + r[1] + "|" + r[2], r -> (Double) r[3]));
        // read from the shipped WGI and V-Dem files (see PROVENANCE-wgi.md and PROVENANCE-vdem.md)
        assertThat(byKey.get("wgi_rule_of_law|LBR|2005")).isEqualTo(-1.32651209831238);
        assertThat(byKey.get("wgi_rule_of_law|COD|2010")).isNotNull(); // ZAR in the source
        assertThat(byKey.get("wgi_rule_of_law|XKX|2010")).isNotNull(); // KSV in the source
        assertThat(byKey.get("vdem_physical_violence|LBR|2004")).isEqualTo(0.755);
        assertThat(byKey.keySet()).noneMatch(k -> k.contains("|ZAR|") || k.contains("|ANT|") || k.contains("|FXS|"));
    }
}
