package org.bluehelm.measurement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the stored totals of an indicator that other modules derive (accountability, capacity,
 * ownership) in line with the values they want: new values are created, changed ones updated with
 * the version read, equal ones left alone, and stored totals no longer wanted deleted. Values with
 * an option are not touched. Writes go through {@link MeasurementService} in chunks of
 * {@value #CHUNK}, each its own transaction, so that the rollups, dashboards and locks apply as for
 * any data value; a chunk or a deletion refused ({@link ConflictException}, e.g. a period locked by
 * approval) is counted as locked and logged, and the rest goes on.
 */
@Component
public class ValueReconciler {

    static final int CHUNK = 5000;

    private static final Logger log = LoggerFactory.getLogger(ValueReconciler.class);

    private final MeasurementService measurements;

    ValueReconciler(MeasurementService measurements) {
        this.measurements = measurements;
    }

    /** Reconciles the totals of one indicator with the wanted values; runs as the caller. */
    public Reconciled reconcile(long indicatorId, Map<ValueKey, BigDecimal> wanted) {
        int created = 0;
        int updated = 0;
        int deleted = 0;
        int unchanged = 0;
        int locked = 0;
        Map<ValueKey, DataValueView> stored = stored(indicatorId);
        List<DataValueCommand> writes = new ArrayList<>();
        for (Map.Entry<ValueKey, BigDecimal> e : wanted.entrySet()) {
            DataValueView existing = stored.get(e.getKey());
            if (existing == null) {
                writes.add(command(indicatorId, e.getKey(), e.getValue(), null));
            } else if (existing.value().compareTo(e.getValue()) != 0) {
                writes.add(command(indicatorId, e.getKey(), e.getValue(), existing.version()));
            } else {
                unchanged++;
            }
        }
        for (int from = 0; from < writes.size(); from += CHUNK) {
            List<DataValueCommand> chunk = writes.subList(from, Math.min(writes.size(), from + CHUNK));
            try {
                BatchResult result = measurements.recordBatch(chunk);
                created += result.created();
                updated += result.updated();
            } catch (ConflictException e) {
                locked += chunk.size();
                log.warn("Indicator {}: {} values not written ({})", indicatorId, chunk.size(), e.getMessage());
            }
        }
        for (Map.Entry<ValueKey, DataValueView> e : stored.entrySet()) {
            if (!wanted.containsKey(e.getKey())) {
                try {
                    measurements.delete(e.getValue().id(), e.getValue().version());
                    deleted++;
                } catch (ConflictException ex) {
                    locked++;
                    log.warn("Indicator {}: a value not removed ({})", indicatorId, ex.getMessage());
                }
            }
        }
        return new Reconciled(created, updated, deleted, unchanged, locked);
    }

    /** The stored totals of an indicator by unit and period. */
    private Map<ValueKey, DataValueView> stored(long indicatorId) {
        Map<ValueKey, DataValueView> stored = new HashMap<>();
        for (int page = 0; ; page++) {
            PageResponse<DataValueView> values = measurements.list(
                    new DataValueFilter(indicatorId, null, null, null, null, null, null),
                    PageQuery.of(page, PageQuery.MAX_SIZE, "id", Map.of("id", "d.id"), "id"));
            values.items().stream()
                    .filter(v -> v.optionId() == null)
                    .forEach(v -> stored.put(new ValueKey(v.orgUnitId(), v.period()), v));
            if (page + 1 >= values.totalPages()) {
                return stored;
            }
        }
    }

    private static DataValueCommand command(long indicator, ValueKey key, BigDecimal value, @Nullable Integer version) {
        return new DataValueCommand(indicator, key.orgUnitId(), key.period(), null, null, value, null, version);
    }
}
