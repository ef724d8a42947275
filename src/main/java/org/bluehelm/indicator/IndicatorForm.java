package org.bluehelm.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.Pillar;
import org.bluehelm.web.DecimalInput;
import org.jspecify.annotations.Nullable;

/**
 * The indicator form of the web UI. Numbers are typed as text in the user's language (12.5 or
 * 12,5); blank baseline and target rows are ignored, so the rows the service numbers
 * ({@code baselinesAndTargets[1].value}) are the rows shown again after a refusal.
 */
public class IndicatorForm {

    static final int BLANK_ROWS = 2;

    private @Nullable String code;
    private @Nullable String name;
    private @Nullable String definition;
    private @Nullable String unit;
    private @Nullable ValueType valueType;
    private @Nullable String minValue;
    private @Nullable String maxValue;
    private @Nullable Aggregation aggregation;
    private @Nullable Long numeratorId;
    private @Nullable Long denominatorId;
    private @Nullable Direction direction;
    private @Nullable Dimension dimension;
    private @Nullable Pillar pillar;
    private @Nullable Long missionId;
    private @Nullable String countryCode;
    private List<String> categories = new ArrayList<>();
    private List<BenchmarkRow> baselinesAndTargets = new ArrayList<>();
    private @Nullable Integer version;

    static IndicatorForm of(IndicatorView i, Locale locale) {
        IndicatorForm form = new IndicatorForm();
        form.code = i.code();
        form.name = i.name();
        form.definition = i.definition();
        form.unit = i.unit();
        form.valueType = i.valueType();
        form.minValue = DecimalInput.format(i.minValue(), locale);
        form.maxValue = DecimalInput.format(i.maxValue(), locale);
        form.aggregation = i.aggregation();
        form.numeratorId = i.numeratorId();
        form.denominatorId = i.denominatorId();
        form.direction = i.direction();
        form.dimension = i.dimension();
        form.pillar = i.pillar();
        form.missionId = i.missionId();
        form.countryCode = i.countryCode();
        i.categories().forEach(c -> form.categories.add(c.code()));
        i.baselinesAndTargets()
                .forEach(b -> form.baselinesAndTargets.add(
                        new BenchmarkRow(b.kind(), b.orgUnitId(), b.period(), DecimalInput.format(b.value(), locale))));
        form.version = i.version();
        return form.withBlankRows();
    }

    IndicatorForm withBlankRows() {
        baselinesAndTargets.removeIf(BenchmarkRow::isBlank);
        for (int i = 0; i < BLANK_ROWS; i++) {
            baselinesAndTargets.add(new BenchmarkRow());
        }
        return this;
    }

    /**
     * The command the form stands for. A number that cannot be read is left out of the command and
     * reported in {@code unreadable} under the service's field name.
     */
    IndicatorCommand command(Locale locale, List<FieldProblem> unreadable) {
        List<IndicatorCommand.BenchmarkCommand> benchmarks = new ArrayList<>();
        for (BenchmarkRow row : baselinesAndTargets) {
            if (row.isBlank()) {
                continue;
            }
            String field = "baselinesAndTargets[" + benchmarks.size() + "].value";
            benchmarks.add(new IndicatorCommand.BenchmarkCommand(
                    row.getKind(),
                    row.getOrgUnitId(),
                    row.getPeriod() == null ? null : row.getPeriod().strip().toUpperCase(Locale.ROOT),
                    number(field, row.getValue(), locale, unreadable)));
        }
        boolean ratio = aggregation == Aggregation.RATIO;
        return new IndicatorCommand(
                code,
                name,
                definition,
                unit,
                valueType,
                number("minValue", minValue, locale, unreadable),
                number("maxValue", maxValue, locale, unreadable),
                aggregation,
                ratio ? numeratorId : null,
                ratio ? denominatorId : null,
                direction,
                dimension,
                pillar,
                missionId,
                countryCode,
                List.copyOf(categories),
                benchmarks);
    }

    static @Nullable BigDecimal number(
            String field, @Nullable String text, Locale locale, List<FieldProblem> unreadable) {
        try {
            return DecimalInput.parse(text, locale);
        } catch (NumberFormatException e) {
            unreadable.add(new FieldProblem(
                    field, "'" + text + "' is not a number", "validation.number", List.of(text == null ? "" : text)));
            return null;
        }
    }

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getDefinition() {
        return definition;
    }

    public void setDefinition(@Nullable String definition) {
        this.definition = definition;
    }

    public @Nullable String getUnit() {
        return unit;
    }

    public void setUnit(@Nullable String unit) {
        this.unit = unit;
    }

    public @Nullable ValueType getValueType() {
        return valueType;
    }

    public void setValueType(@Nullable ValueType valueType) {
        this.valueType = valueType;
    }

    public @Nullable String getMinValue() {
        return minValue;
    }

    public void setMinValue(@Nullable String minValue) {
        this.minValue = minValue;
    }

    public @Nullable String getMaxValue() {
        return maxValue;
    }

    public void setMaxValue(@Nullable String maxValue) {
        this.maxValue = maxValue;
    }

    public @Nullable Aggregation getAggregation() {
        return aggregation;
    }

    public void setAggregation(@Nullable Aggregation aggregation) {
        this.aggregation = aggregation;
    }

    public @Nullable Long getNumeratorId() {
        return numeratorId;
    }

    public void setNumeratorId(@Nullable Long numeratorId) {
        this.numeratorId = numeratorId;
    }

    public @Nullable Long getDenominatorId() {
        return denominatorId;
    }

    public void setDenominatorId(@Nullable Long denominatorId) {
        this.denominatorId = denominatorId;
    }

    public @Nullable Direction getDirection() {
        return direction;
    }

    public void setDirection(@Nullable Direction direction) {
        this.direction = direction;
    }

    public @Nullable Dimension getDimension() {
        return dimension;
    }

    public void setDimension(@Nullable Dimension dimension) {
        this.dimension = dimension;
    }

    public @Nullable Pillar getPillar() {
        return pillar;
    }

    public void setPillar(@Nullable Pillar pillar) {
        this.pillar = pillar;
    }

    public @Nullable Long getMissionId() {
        return missionId;
    }

    public void setMissionId(@Nullable Long missionId) {
        this.missionId = missionId;
    }

    public @Nullable String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(@Nullable String countryCode) {
        this.countryCode = countryCode;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories;
    }

    public List<BenchmarkRow> getBaselinesAndTargets() {
        return baselinesAndTargets;
    }

    public void setBaselinesAndTargets(List<BenchmarkRow> baselinesAndTargets) {
        this.baselinesAndTargets = baselinesAndTargets;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }

    /** One baseline or target row; the value is text in the user's language. */
    public static class BenchmarkRow {
        private @Nullable BenchmarkKind kind;
        private @Nullable Long orgUnitId;
        private @Nullable String period;
        private @Nullable String value;

        public BenchmarkRow() {}

        BenchmarkRow(
                @Nullable BenchmarkKind kind,
                @Nullable Long orgUnitId,
                @Nullable String period,
                @Nullable String value) {
            this.kind = kind;
            this.orgUnitId = orgUnitId;
            this.period = period;
            this.value = value;
        }

        boolean isBlank() {
            return kind == null
                    && orgUnitId == null
                    && (period == null || period.isBlank())
                    && (value == null || value.isBlank());
        }

        public @Nullable BenchmarkKind getKind() {
            return kind;
        }

        public void setKind(@Nullable BenchmarkKind kind) {
            this.kind = kind;
        }

        public @Nullable Long getOrgUnitId() {
            return orgUnitId;
        }

        public void setOrgUnitId(@Nullable Long orgUnitId) {
            this.orgUnitId = orgUnitId;
        }

        public @Nullable String getPeriod() {
            return period;
        }

        public void setPeriod(@Nullable String period) {
            this.period = period;
        }

        public @Nullable String getValue() {
            return value;
        }

        public void setValue(@Nullable String value) {
            this.value = value;
        }
    }
}
