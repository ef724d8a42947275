package org.bluehelm.mission;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Where a mission stands in its life. */
public enum MissionStatus {
    PLANNED,
    ACTIVE,
    DRAWDOWN,
    CLOSED;

    /** The status its dates imply on a given day (a drawdown is only ever set by hand). */
    static MissionStatus fromDates(LocalDate start, @Nullable LocalDate end, LocalDate today) {
        if (start.isAfter(today)) {
            return PLANNED;
        }
        return end != null && end.isBefore(today) ? CLOSED : ACTIVE;
    }
}
