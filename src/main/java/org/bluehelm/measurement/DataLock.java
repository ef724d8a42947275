package org.bluehelm.measurement;

import java.util.Optional;
import org.bluehelm.shared.Period;

/**
 * Locks on data values, asked by measurement before every write (one value, a batch, an update, a
 * delete, an import). Implemented by modules that lock data, such as approval, so that measurement
 * needs no dependency on them. A write touching a locked value is refused with a conflict whose
 * code is {@code locked} and whose message is the reason returned here.
 */
public interface DataLock {

    /**
     * Why values of the indicator for the organisation unit and period may not change now (naming
     * what locks them, e.g. the approved programme, unit and period), or empty when they may.
     */
    Optional<String> lockReason(long indicatorId, long orgUnitId, Period period);

    /**
     * The same check for many values within one unit of work (a batch or an import): an
     * implementation may load what it needs once. The default asks {@link #lockReason} each time.
     */
    default DataLock forMany() {
        return this;
    }
}
