package org.bluehelm.measurement;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The values of one import were written into {@code data_value} with set-based statements.
 * Published inside the importing transaction instead of one {@link DataValuesChanged} per chunk,
 * and compact: it carries counts, the indicators and periods written, not the values (an import
 * may hold millions). A listener that needs the values of some indicators asks
 * {@link #changes(Collection)} while the event is being delivered (the staged rows exist only
 * inside the importing transaction); analytics adds them to its rollups by streaming the staged
 * rows of {@link #batchId()} once (table {@code value_staging}, where every row left was written:
 * {@code existing_id} and {@code old_value} set for a replaced value).
 */
public final class DataValuesImported {

    private final long batchId;
    private final long created;
    private final long updated;
    private final List<Long> indicatorIds;
    private final List<Long> orgUnitIds;
    private final List<String> periodIds;
    private final Function<Collection<Long>, List<DataValuesChanged.Change>> reader;

    DataValuesImported(
            long batchId,
            long created,
            long updated,
            List<Long> indicatorIds,
            List<Long> orgUnitIds,
            List<String> periodIds,
            Function<Collection<Long>, List<DataValuesChanged.Change>> reader) {
        this.batchId = batchId;
        this.created = created;
        this.updated = updated;
        this.indicatorIds = List.copyOf(indicatorIds);
        this.orgUnitIds = List.copyOf(orgUnitIds);
        this.periodIds = List.copyOf(periodIds);
        this.reader = reader;
    }

    /** The staging batch (the import job's id) whose rows in {@code value_staging} were written. */
    public long batchId() {
        return batchId;
    }

    /** How many values were created. */
    public long created() {
        return created;
    }

    /** How many stored values were replaced. */
    public long updated() {
        return updated;
    }

    /** The indicators that have written values, in ascending order. */
    public List<Long> indicatorIds() {
        return indicatorIds;
    }

    /** The organisation units that have written values. */
    public List<Long> orgUnitIds() {
        return orgUnitIds;
    }

    /** The periods of the written values, in ascending order. */
    public List<String> periodIds() {
        return periodIds;
    }

    /**
     * The written values of these indicators, as changes (old value null for a created one); only
     * while the event is delivered, inside the importing transaction.
     */
    public List<DataValuesChanged.Change> changes(Collection<Long> indicators) {
        if (indicators.isEmpty()) {
            return List.of();
        }
        return reader.apply(indicators);
    }
}
