package org.bluehelm.approval;

import org.bluehelm.measurement.DataLock;
import org.bluehelm.shared.Period;
import org.springframework.stereotype.Component;

/**
 * Tells public outputs (the transparency portal) which values are approved data: a value is
 * approved when its indicator belongs to a programme approved for the value's unit or a unit above
 * it, for a period containing the value's period (the same rule that locks approved data).
 */
@Component
public class ApprovedData {

    private final ApprovalLock lock;

    ApprovedData(ApprovalLock lock) {
        this.lock = lock;
    }

    /** A check for many values within one request; it remembers what it looked up. */
    public Checker checker() {
        DataLock checks = lock.forMany();
        return (indicatorId, orgUnitId, period) ->
                checks.lockReason(indicatorId, orgUnitId, period).isPresent();
    }

    /** Whether the value of an indicator for a unit and period is approved. */
    @FunctionalInterface
    public interface Checker {
        boolean approved(long indicatorId, long orgUnitId, Period period);
    }
}
