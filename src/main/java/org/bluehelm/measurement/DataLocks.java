package org.bluehelm.measurement;

import java.util.List;
import java.util.Optional;
import org.bluehelm.shared.ConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link DataLock} of the application asked as one (none: nothing is ever locked). */
@Component
class DataLocks {

    private final ObjectProvider<DataLock> locks;

    DataLocks(ObjectProvider<DataLock> locks) {
        this.locks = locks;
    }

    /** All locks, for one check. */
    DataLock forOne() {
        return combined(locks.orderedStream().toList());
    }

    /** All locks, each prepared for many checks. */
    DataLock forMany() {
        return combined(locks.orderedStream().map(DataLock::forMany).toList());
    }

    private static DataLock combined(List<DataLock> all) {
        return (indicatorId, orgUnitId, period) -> {
            for (DataLock lock : all) {
                Optional<String> reason = lock.lockReason(indicatorId, orgUnitId, period);
                if (reason.isPresent()) {
                    return reason;
                }
            }
            return Optional.empty();
        };
    }

    static ConflictException locked(String reason) {
        return new ConflictException("locked", reason);
    }
}
