package org.bluehelm.coordination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bluehelm.shared.Pillar;

/**
 * Two matrices of the 3W/4W: activities by pillar (rows) and region (columns), and by actor (rows)
 * and institution (columns). A cell counts the activities and how many of them overlap another.
 * Activities without an org unit below the country count under {@link #COUNTRY_WIDE}; those
 * without an institution under {@link #NO_INSTITUTION}.
 */
public record MatrixView(
        List<String> regions,
        List<Line> pillarByRegion,
        List<String> institutions,
        List<Line> actorByInstitution,
        int activities) {

    public static final String COUNTRY_WIDE = "—";
    public static final String NO_INSTITUTION = "—";

    /** One row: its label and a cell per column, in the order of the columns. */
    public record Line(String label, List<Cell> cells, int total) {}

    /** The activities of a cell and how many of them overlap another activity. */
    public record Cell(int count, int overlapping) {
        public boolean flagged() {
            return overlapping > 0;
        }
    }

    static MatrixView of(List<ActivityView> activities) {
        TreeSet<String> regions = new TreeSet<>(
                Comparator.comparing((String r) -> r.equals(COUNTRY_WIDE)).thenComparing(Comparator.naturalOrder()));
        TreeSet<String> institutions = new TreeSet<>(
                Comparator.comparing((String r) -> r.equals(NO_INSTITUTION)).thenComparing(Comparator.naturalOrder()));
        TreeSet<String> actors = new TreeSet<>();
        for (ActivityView a : activities) {
            regions.add(region(a));
            institutions.add(institution(a));
            actors.add(actor(a));
        }
        List<String> regionList = List.copyOf(regions);
        List<String> institutionList = List.copyOf(institutions);
        List<Line> byPillar = new ArrayList<>();
        for (Pillar pillar : Pillar.values()) {
            List<ActivityView> rows =
                    activities.stream().filter(a -> a.pillar() == pillar).toList();
            if (!rows.isEmpty()) {
                byPillar.add(line(pillar.name(), rows, regionList, MatrixView::region));
            }
        }
        List<Line> byActor = new ArrayList<>();
        for (String actor : actors) {
            List<ActivityView> rows =
                    activities.stream().filter(a -> actor(a).equals(actor)).toList();
            byActor.add(line(actor, rows, institutionList, MatrixView::institution));
        }
        return new MatrixView(regionList, byPillar, institutionList, byActor, activities.size());
    }

    private static Line line(
            String label,
            List<ActivityView> rows,
            List<String> columns,
            java.util.function.Function<ActivityView, String> column) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String c : columns) {
            counts.put(c, new int[2]);
        }
        for (ActivityView a : rows) {
            int[] cell = counts.get(column.apply(a));
            cell[0]++;
            if (a.overlapping()) {
                cell[1]++;
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int[] c : counts.values()) {
            cells.add(new Cell(c[0], c[1]));
        }
        return new Line(label, cells, rows.size());
    }

    private static String region(ActivityView a) {
        return a.regionName() == null ? COUNTRY_WIDE : a.regionName() + " · " + a.countryCode();
    }

    private static String institution(ActivityView a) {
        return a.institutionName() == null ? NO_INSTITUTION : a.institutionName();
    }

    private static String actor(ActivityView a) {
        return a.actorName() == null ? "#" + a.actorId() : a.actorName();
    }
}
