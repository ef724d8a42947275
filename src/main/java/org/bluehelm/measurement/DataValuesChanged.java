package org.bluehelm.measurement;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Data values were created, replaced or deleted by one write (one value, or a whole batch).
 * Published inside the writing transaction, so that derived data (analytics rollups) listening
 * synchronously commits or rolls back together with the values.
 */
public record DataValuesChanged(List<Change> changes) {

    public DataValuesChanged {
        changes = List.copyOf(changes);
    }

    /**
     * One value: {@code oldValue} is null when it was created, {@code newValue} null when it was
     * deleted. {@code optionKey} is the disaggregation option's id, or 0 for a total.
     */
    public record Change(
            long indicatorId,
            long orgUnitId,
            String periodId,
            long optionKey,
            @Nullable Long missionId,
            String countryCode,
            @Nullable BigDecimal oldValue,
            @Nullable BigDecimal newValue) {}
}
