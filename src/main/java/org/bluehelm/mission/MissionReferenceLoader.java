package org.bluehelm.mission;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the real UN peace operations on first start: the PACT mission list with its dates, the host
 * countries and corrected closing dates added by hand (see referencedata/missions/HOSTS.md), and
 * yearly deployment figures from Geo-PKO v2.3 and HKS 2013.
 */
@Component
@Order(20)
class MissionReferenceLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MissionReferenceLoader.class);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    static final String SOURCE = "PACT";

    private final MissionService missions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    MissionReferenceLoader(MissionService missions, JdbcClient jdbc, TransactionTemplate transaction) {
        this.missions = missions;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (missions.missionCount() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            try {
                Map<String, Mission> byAcronym = loadMissions();
                int geo = loadGeoPko(byAcronym);
                int hks = loadHks(byAcronym);
                log.info(
                        "Loaded {} peace operations (PACT), {} Geo-PKO and {} HKS 2013 deployment years",
                        byAcronym.size(),
                        geo,
                        hks);
            } catch (IOException e) {
                throw new IllegalStateException("The shipped reference data cannot be read", e);
            }
        });
    }

    private Map<String, Mission> loadMissions() throws IOException {
        Map<String, List<CSVRecord>> hosts = new LinkedHashMap<>();
        for (CSVRecord r : csv("referencedata/missions/mission_hosts.csv")) {
            hosts.computeIfAbsent(r.get("acronym"), k -> new ArrayList<>()).add(r);
        }
        Map<String, Mission> saved = new LinkedHashMap<>();
        LocalDate today = LocalDate.now();
        for (CSVRecord r : csv("referencedata/missions/pko_start_end.csv")) {
            String acronym = r.get("acronym");
            List<CSVRecord> hostRows = hosts.get(acronym);
            if (hostRows == null) {
                throw new IllegalStateException("No host country for " + acronym + " in mission_hosts.csv");
            }
            String fullName = hostRows.get(0).get("full_name");
            String corrected = hostRows.get(0).get("corrected_end");
            LocalDate start = YearMonth.parse(r.get("start_date"), MONTH_YEAR).atDay(1);
            String endText = corrected.isBlank() ? r.get("end_date") : corrected;
            LocalDate end = "Present".equals(endText)
                    ? null
                    : YearMonth.parse(endText, MONTH_YEAR).atEndOfMonth();
            Mission mission = new Mission(
                    acronym,
                    fullName.isBlank() ? r.get("mission_name") : fullName,
                    MissionStatus.fromDates(start, end, today),
                    start,
                    end);
            mission.source = SOURCE;
            for (CSVRecord h : hostRows) {
                mission.hosts.add(new Mission.Host(h.get("host_iso3")));
            }
            saved.put(acronym, missions.saveReference(mission));
        }
        return saved;
    }

    /** Geo-PKO: per mission, country and year, the average troops of each site summed over sites. */
    private int loadGeoPko(Map<String, Mission> missionsByAcronym) throws IOException {
        Map<String, List<String>> countries = countryNames("geopko");
        Map<String, Geo> years = new TreeMap<>();
        for (CSVRecord r : csv("referencedata/deployments/FrontMap_v.2.3.csv")) {
            Mission mission = missionsByAcronym.get(r.get("mission"));
            if (mission == null) {
                continue; // BINUB and UNIOSIL are peacebuilding offices, not in the PACT list
            }
            List<String> isos = countries.get(r.get("country"));
            if (isos == null) {
                throw new IllegalStateException("Geo-PKO country '" + r.get("country") + "' has no ISO code");
            }
            BigDecimal share = BigDecimal.ONE.divide(BigDecimal.valueOf(isos.size()), 6, RoundingMode.HALF_UP);
            for (String iso : isos) {
                Geo g = years.computeIfAbsent(
                        mission.acronym + "|" + iso + "|" + r.get("year"),
                        k -> new Geo(mission.id, iso, Integer.parseInt(r.get("year"))));
                g.troops = g.troops.add(decimal(r.get("ave.no.troops")).multiply(share));
                g.policeUnits += (int) Math.round(decimal(r.get("UNPOL")).doubleValue());
                g.observerTeams += (int) Math.round(decimal(r.get("UNMO")).doubleValue());
                g.sites++;
            }
        }
        for (Geo g : years.values()) {
            jdbc.sql("""
                            insert into deployment (mission_id, country_code, year, source, troops, police_units,
                                                    observer_teams, sites)
                            values (:mission, :country, :year, 'GEOPKO', :troops, :police, :observers, :sites)""")
                    .param("mission", g.missionId)
                    .param("country", g.country)
                    .param("year", g.year)
                    .param("troops", g.troops.setScale(1, RoundingMode.HALF_UP))
                    .param("police", g.policeUnits)
                    .param("observers", g.observerTeams)
                    .param("sites", g.sites)
                    .update();
        }
        return years.size();
    }

    /**
     * HKS 2013: monthly personnel (thousands, lagged one month) averaged per year over the months in
     * the data; each month is attributed to the mission in that country active on its 15th (the
     * later-starting one when two overlap, as at a handover), or to the country alone when none is.
     */
    private int loadHks(Map<String, Mission> missionsByAcronym) throws IOException {
        Map<String, List<String>> countries = countryNames("hks2013");
        Map<String, Hks> years = new TreeMap<>();
        for (CSVRecord r : csv("referencedata/deployments/hks2013.csv")) {
            List<String> isos = countries.get(r.get("location"));
            if (isos == null || isos.size() != 1) {
                throw new IllegalStateException("HKS location '" + r.get("location") + "' has no single ISO code");
            }
            String iso = isos.get(0);
            int year = Integer.parseInt(r.get("year"));
            LocalDate mid = LocalDate.of(year, Integer.parseInt(r.get("mon")), 15);
            Optional<Mission> mission = missionsByAcronym.values().stream()
                    .filter(m -> m.hosts.contains(new Mission.Host(iso)))
                    .filter(m -> !m.startDate.isAfter(mid) && (m.endDate == null || !m.endDate.isBefore(mid)))
                    .max(Comparator.comparing(m -> m.startDate));
            Hks h = years.computeIfAbsent(
                    mission.map(m -> m.acronym).orElse("") + "|" + iso + "|" + year,
                    k -> new Hks(mission.map(m -> m.id).orElse(null), iso, year));
            h.troops = h.troops.add(decimal(r.get("troopLag")));
            h.police = h.police.add(decimal(r.get("policeLag")));
            h.observers = h.observers.add(decimal(r.get("militaryobserversLag")));
            h.months++;
        }
        BigDecimal thousand = BigDecimal.valueOf(1000);
        for (Hks h : years.values()) {
            BigDecimal months = BigDecimal.valueOf(h.months);
            jdbc.sql("""
                            insert into deployment (mission_id, country_code, year, source, troops, police, observers, months)
                            values (:mission, :country, :year, 'HKS2013', :troops, :police, :observers, :months)""")
                    .param("mission", h.missionId)
                    .param("country", h.country)
                    .param("year", h.year)
                    .param("troops", h.troops.multiply(thousand).divide(months, 1, RoundingMode.HALF_UP))
                    .param("police", h.police.multiply(thousand).divide(months, 1, RoundingMode.HALF_UP))
                    .param("observers", h.observers.multiply(thousand).divide(months, 1, RoundingMode.HALF_UP))
                    .param("months", h.months)
                    .update();
        }
        return years.size();
    }

    private Map<String, List<String>> countryNames(String source) throws IOException {
        Map<String, List<String>> names = new HashMap<>();
        for (CSVRecord r : csv("referencedata/deployments/country_names.csv")) {
            if (r.get("source").equals(source)) {
                names.computeIfAbsent(r.get("source_name"), k -> new ArrayList<>())
                        .add(r.get("iso3"));
            }
        }
        return names;
    }

    private static BigDecimal decimal(@Nullable String text) {
        if (text == null || text.isBlank() || text.equals("NA")) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(text.strip());
    }

    private static List<CSVRecord> csv(String path) throws IOException {
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }

    private static final class Geo {
        final @Nullable Long missionId;
        final String country;
        final int year;
        BigDecimal troops = BigDecimal.ZERO;
        int policeUnits;
        int observerTeams;
        int sites;

        Geo(@Nullable Long missionId, String country, int year) {
            this.missionId = missionId;
            this.country = country;
            this.year = year;
        }
    }

    private static final class Hks {
        final @Nullable Long missionId;
        final String country;
        final int year;
        BigDecimal troops = BigDecimal.ZERO;
        BigDecimal police = BigDecimal.ZERO;
        BigDecimal observers = BigDecimal.ZERO;
        int months;

        Hks(@Nullable Long missionId, String country, int year) {
            this.missionId = missionId;
            this.country = country;
            this.year = year;
        }
    }
}
