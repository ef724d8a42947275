package org.bluehelm.measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The data entry page: the set (mission, country, chosen indicators), the organisation unit and
 * the period it is opened for, and the grid's cells. Each cell sends two fields, its value as typed
 * and a reference saying which row it is and what it held when the page was read (so that the
 * grid stays far below the server's limit on request parameters).
 */
public class DataEntryForm {

    private @Nullable Long mission;
    private @Nullable String country;
    private List<Long> indicator = new ArrayList<>();
    private @Nullable Long orgUnit;
    private @Nullable String period;
    private List<Cell> cells = new ArrayList<>();

    public @Nullable Long getMission() {
        return mission;
    }

    public void setMission(@Nullable Long mission) {
        this.mission = mission;
    }

    public @Nullable String getCountry() {
        return country;
    }

    public void setCountry(@Nullable String country) {
        this.country = country;
    }

    public List<Long> getIndicator() {
        return indicator;
    }

    public void setIndicator(List<Long> indicator) {
        this.indicator = indicator;
    }

    public @Nullable Long getOrgUnit() {
        return orgUnit;
    }

    public void setOrgUnit(@Nullable Long orgUnit) {
        this.orgUnit = orgUnit;
    }

    public @Nullable String getPeriod() {
        return period;
    }

    public void setPeriod(@Nullable String period) {
        this.period = period;
    }

    public List<Cell> getCells() {
        return cells;
    }

    public void setCells(List<Cell> cells) {
        this.cells = cells;
    }

    /** One cell of the grid: the value as typed, and its reference ({@link Ref}). */
    public static class Cell {
        private @Nullable String ref;
        private @Nullable String value;

        public Cell() {}

        Cell(String ref, @Nullable String value) {
            this.ref = ref;
            this.value = value;
        }

        public @Nullable String getRef() {
            return ref;
        }

        public void setRef(@Nullable String ref) {
            this.ref = ref;
        }

        public @Nullable String getValue() {
            return value;
        }

        public void setValue(@Nullable String value) {
            this.value = value;
        }
    }

    /**
     * Which row a cell is (indicator, and option or 0 for the total) and the value stored when the
     * page was read (id, version and number, all empty when none was): {@code 12:0:345:2:10.5}.
     */
    record Ref(
            long indicatorId,
            long optionKey,
            @Nullable Long id,
            @Nullable Integer version,
            String original) {

        private static final Pattern FORM = Pattern.compile("(\\d+):(\\d+):(\\d*):(\\d*):(-?[0-9.]*)");

        static @Nullable Ref parse(@Nullable String text) {
            Matcher m = text == null ? null : FORM.matcher(text);
            if (m == null || !m.matches() || m.group(3).isEmpty() != m.group(4).isEmpty()) {
                return null;
            }
            try {
                return new Ref(
                        Long.parseLong(m.group(1)),
                        Long.parseLong(m.group(2)),
                        m.group(3).isEmpty() ? null : Long.valueOf(m.group(3)),
                        m.group(4).isEmpty() ? null : Integer.valueOf(m.group(4)),
                        m.group(5));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        String key() {
            return indicatorId + ":" + optionKey;
        }

        @Override
        public String toString() {
            return key() + ":" + (id == null ? "" : id) + ":" + (version == null ? "" : version) + ":" + original;
        }
    }
}
