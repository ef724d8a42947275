package org.bluehelm.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("indicator")
class Indicator {

    @Id
    @Nullable
    Long id;

    String code;
    String name;

    @Nullable
    String definition;

    String unit;
    ValueType valueType;

    @Nullable
    BigDecimal minValue;

    @Nullable
    BigDecimal maxValue;

    Aggregation aggregation;

    @Nullable
    Long numeratorId;

    @Nullable
    Long denominatorId;

    Direction direction;
    Dimension dimension;

    @Nullable
    Pillar pillar;

    @Nullable
    Long missionId;

    @Nullable
    String countryCode;

    @Version
    int version;

    @MappedCollection(idColumn = "indicator", keyColumn = "indicator_key")
    List<CategoryUse> categories = new ArrayList<>();

    @MappedCollection(idColumn = "indicator", keyColumn = "indicator_key")
    List<Benchmark> benchmarks = new ArrayList<>();

    Indicator(
            String code,
            String name,
            String unit,
            ValueType valueType,
            Aggregation aggregation,
            Direction direction,
            Dimension dimension) {
        this.code = code;
        this.name = name;
        this.unit = unit;
        this.valueType = valueType;
        this.aggregation = aggregation;
        this.direction = direction;
        this.dimension = dimension;
    }

    /** A disaggregation category the indicator is broken down by. */
    @Table("indicator_category")
    record CategoryUse(long categoryId) {}

    /** A baseline or target of the indicator for one organisation unit and period. */
    @Table("indicator_benchmark")
    record Benchmark(
            BenchmarkKind kind,
            long orgUnitId,
            String periodId,
            PeriodType periodType,
            LocalDate startDate,
            LocalDate endDate,
            BigDecimal value) {}
}
