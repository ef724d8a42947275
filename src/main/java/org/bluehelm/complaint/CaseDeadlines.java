package org.bluehelm.complaint;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Days a case may stay in each open stage before it is overdue ({@code
 * bluehelm.complaint.deadlines.<STATE>}): by default 3 to triage a received case, 7 to assign a
 * triaged one, 14 to start investigating, 90 to investigate and 180 for the referral.
 */
@ConfigurationProperties("bluehelm.complaint")
record CaseDeadlines(@Nullable Map<ComplaintState, Integer> deadlines) {

    static final Map<ComplaintState, Integer> DEFAULTS = Map.of(
            ComplaintState.RECEIVED, 3,
            ComplaintState.TRIAGED, 7,
            ComplaintState.ASSIGNED, 14,
            ComplaintState.UNDER_INVESTIGATION, 90,
            ComplaintState.REFERRED, 180);

    CaseDeadlines {
        Map<ComplaintState, Integer> days = new EnumMap<>(ComplaintState.class);
        days.putAll(DEFAULTS);
        if (deadlines != null) {
            days.putAll(deadlines);
        }
        deadlines = Map.copyOf(days);
    }

    /** When a case entering {@code state} on {@code day} is due to leave it; null for a closed case. */
    @Nullable
    LocalDate due(ComplaintState state, LocalDate day) {
        Integer days = deadlines == null ? null : deadlines.get(state);
        return state == ComplaintState.CLOSED || days == null ? null : day.plusDays(days);
    }
}
