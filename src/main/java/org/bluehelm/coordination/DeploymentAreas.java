package org.bluehelm.coordination;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The areas drawn on the coordination map, derived from data shipped in the jar, never fetched:
 * for each host country, the convex hull of the peacekeeping deployment sites of Geo-PKO v2.3
 * ({@code referencedata/deployments/FrontMap_v.2.3.csv}, see PROVENANCE-geopko.md). This is not
 * the country's border: it is the part of the country where peace operations deployed, which is
 * where their security sector support took place, and it needs no boundary file of uncertain
 * licence. A country with fewer than three distinct sites gets a small square around them.
 */
@Component
class DeploymentAreas {

    /** Half the side, in degrees, of the square drawn around one or two sites. */
    private static final double PAD = 0.3;

    private volatile Map<String, List<double[]>> areas;

    /** The outline of the deployment area of each country (ISO alpha-3), as closed [longitude, latitude] rings. */
    Map<String, List<double[]>> areas() {
        Map<String, List<double[]>> loaded = areas;
        if (loaded == null) {
            loaded = load();
            areas = loaded;
        }
        return loaded;
    }

    private static Map<String, List<double[]>> load() {
        Map<String, List<String>> names = new HashMap<>();
        for (CSVRecord r : csv("referencedata/deployments/country_names.csv")) {
            if (r.get("source").equals("geopko")) {
                names.computeIfAbsent(r.get("source_name"), k -> new ArrayList<>())
                        .add(r.get("iso3"));
            }
        }
        Map<String, Set<List<Double>>> sites = new TreeMap<>();
        for (CSVRecord r : csv("referencedata/deployments/FrontMap_v.2.3.csv")) {
            List<String> isos = names.get(r.get("country"));
            if (isos == null || isos.size() != 1) {
                continue; // a site listed under two countries belongs to neither area
            }
            try {
                double lat = Double.parseDouble(r.get("latitude"));
                double lon = Double.parseDouble(r.get("longitude"));
                if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                    sites.computeIfAbsent(isos.get(0), k -> new LinkedHashSet<>())
                            .add(List.of(lon, lat));
                }
            } catch (NumberFormatException e) {
                // a site without coordinates is not drawn
            }
        }
        Map<String, List<double[]>> areas = new TreeMap<>();
        sites.forEach((iso, points) -> areas.put(iso, outline(points)));
        return areas;
    }

    static List<double[]> outline(Set<List<Double>> points) {
        List<double[]> p = new ArrayList<>();
        for (List<Double> point : points) {
            p.add(new double[] {point.get(0), point.get(1)});
        }
        List<double[]> hull = p.size() >= 3 ? hull(p) : List.of();
        if (hull.size() < 3) {
            double minX = p.stream().mapToDouble(a -> a[0]).min().orElse(0) - PAD;
            double maxX = p.stream().mapToDouble(a -> a[0]).max().orElse(0) + PAD;
            double minY = p.stream().mapToDouble(a -> a[1]).min().orElse(0) - PAD;
            double maxY = p.stream().mapToDouble(a -> a[1]).max().orElse(0) + PAD;
            hull = List.of(
                    new double[] {minX, minY}, new double[] {maxX, minY}, new double[] {maxX, maxY}, new double[] {
                        minX, maxY
                    });
        }
        List<double[]> ring = new ArrayList<>(hull);
        ring.add(hull.get(0));
        return ring;
    }

    /** Andrew's monotone chain: the convex hull, counter-clockwise, without collinear points. */
    static List<double[]> hull(List<double[]> points) {
        double[][] p = points.toArray(new double[0][]);
        Arrays.sort(p, Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
        double[][] h = new double[2 * p.length][];
        int k = 0;
        for (double[] point : p) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], point) <= 0) {
                k--;
            }
            h[k++] = point;
        }
        for (int i = p.length - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(h[k - 2], h[k - 1], p[i]) <= 0) {
                k--;
            }
            h[k++] = p[i];
        }
        return new ArrayList<>(Arrays.asList(h).subList(0, Math.max(0, k - 1)));
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static List<CSVRecord> csv(String path) {
        try (Reader in = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
