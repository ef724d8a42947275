package org.bluehelm.coordination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The who-does-what-where by country as GeoJSON for the map: one feature per country that has
 * activities or gaps in the user's scope, drawn as its deployment area ({@link DeploymentAreas}),
 * with the counts of activities, overlapping activities and gaps, and activities by pillar.
 * Countries without a deployment area are listed under {@code unmapped}.
 */
@Component
class CoordinationMap {

    private final CoordinationService coordination;
    private final DeploymentAreas areas;

    CoordinationMap(CoordinationService coordination, DeploymentAreas areas) {
        this.coordination = coordination;
        this.areas = areas;
    }

    /** The counts of one country. */
    record CountryCounts(
            String countryCode, int activities, int overlapping, int gaps, Map<String, Integer> byPillar) {}

    List<CountryCounts> counts() {
        Map<String, int[]> totals = new TreeMap<>();
        Map<String, Map<String, Integer>> pillars = new TreeMap<>();
        for (ActivityView a : coordination.all()) {
            int[] t = totals.computeIfAbsent(a.countryCode(), k -> new int[3]);
            t[0]++;
            if (a.overlapping()) {
                t[1]++;
            }
            pillars.computeIfAbsent(a.countryCode(), k -> new TreeMap<>())
                    .merge(a.pillar().name(), 1, Integer::sum);
        }
        for (NeedView gap : coordination.gaps()) {
            totals.computeIfAbsent(gap.countryCode(), k -> new int[3])[2]++;
        }
        List<CountryCounts> counts = new ArrayList<>();
        totals.forEach((country, t) ->
                counts.add(new CountryCounts(country, t[0], t[1], t[2], pillars.getOrDefault(country, Map.of()))));
        return counts;
    }

    Map<String, Object> geoJson() {
        List<Object> features = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (CountryCounts c : counts()) {
            List<double[]> ring = areas.areas().get(c.countryCode());
            if (ring == null) {
                unmapped.add(c.countryCode());
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("countryCode", c.countryCode());
            properties.put("activities", c.activities());
            properties.put("overlapping", c.overlapping());
            properties.put("gaps", c.gaps());
            properties.put("byPillar", c.byPillar());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(ring)));
            feature.put("properties", properties);
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        collection.put("unmapped", unmapped);
        collection.put(
                "source",
                "Deployment areas: convex hulls of Geo-PKO v2.3 deployment sites (Cil et al. 2020), shipped with"
                        + " Bluehelm; not country borders.");
        return collection;
    }
}
