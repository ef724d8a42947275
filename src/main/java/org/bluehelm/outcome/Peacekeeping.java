package org.bluehelm.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.mission.DeploymentSource;
import org.bluehelm.mission.DeploymentView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.jspecify.annotations.Nullable;

/**
 * Peacekeeping presence and size per host country and year, from the mission module's reference
 * data: a country-year is active when a mission of the PACT list hosted there was active on any day
 * of the year; Geo-PKO troops are summed over the missions in the country that year; HKS personnel
 * (troops, police and military observers, monthly figures averaged to the year) likewise.
 */
final class Peacekeeping {

    /** The years of one mission in one host country (the end is the current year while it runs). */
    record MissionPeriod(
            String acronym,
            String name,
            LocalDate startDate,
            @Nullable LocalDate endDate,
            int from,
            int to) {}

    private final Map<String, List<MissionPeriod>> periods = new HashMap<>();
    private final Map<String, BigDecimal> geoPko = new HashMap<>();
    private final Map<String, BigDecimal> hks = new HashMap<>();

    Peacekeeping(MissionService missions) {
        int thisYear = LocalDate.now().getYear();
        for (MissionSummary m : missions.referenceMissions()) {
            for (String host : m.hostCountries().split(",\\s*")) {
                if (host.isBlank()) {
                    continue;
                }
                periods.computeIfAbsent(host, k -> new ArrayList<>())
                        .add(new MissionPeriod(
                                m.acronym(),
                                m.name(),
                                m.startDate(),
                                m.endDate(),
                                m.startDate().getYear(),
                                m.endDate() == null ? thisYear : m.endDate().getYear()));
            }
        }
        for (DeploymentView d : missions.allDeployments()) {
            String key = d.countryCode() + "|" + d.year();
            if (d.source() == DeploymentSource.GEOPKO && d.troops() != null) {
                geoPko.merge(key, d.troops(), BigDecimal::add);
            } else if (d.source() == DeploymentSource.HKS2013) {
                BigDecimal persons = Arrays.asList(d.troops(), d.police(), d.observers()).stream()
                        .filter(v -> v != null)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                hks.merge(key, persons, BigDecimal::add);
            }
        }
    }

    List<MissionPeriod> missionsIn(String iso3) {
        return periods.getOrDefault(iso3, List.of());
    }

    boolean active(String iso3, int year) {
        return missionsIn(iso3).stream().anyMatch(p -> p.from() <= year && year <= p.to());
    }

    @Nullable
    BigDecimal geoPkoTroops(String iso3, int year) {
        return geoPko.get(iso3 + "|" + year);
    }

    @Nullable
    BigDecimal hksPersonnel(String iso3, int year) {
        return hks.get(iso3 + "|" + year);
    }

    /** Every country-year with a mission or a deployment figure. */
    List<String[]> countryYears(int from, int to) {
        List<String[]> keys = new ArrayList<>();
        periods.forEach((iso3, list) -> {
            for (MissionPeriod p : list) {
                for (int y = Math.max(from, p.from()); y <= Math.min(to, p.to()); y++) {
                    keys.add(new String[] {iso3, String.valueOf(y)});
                }
            }
        });
        for (String key : geoPko.keySet()) {
            keys.add(key.split("\\|"));
        }
        for (String key : hks.keySet()) {
            keys.add(key.split("\\|"));
        }
        return keys;
    }
}
