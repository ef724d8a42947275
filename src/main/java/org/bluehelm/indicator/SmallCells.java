package org.bluehelm.indicator;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Who sees small cells. Counts of complaints and cases under an indicator's {@code suppress_below}
 * (5 for the accountability indicators) could point at the people involved, so every public or
 * partner output shows them as "&lt;5" without a value. Administrators, mission managers and case
 * officers see them; every other role (partners, viewers, data stewards) and anyone not signed in
 * does not. Background work (no signed-in user) sees everything, except output kept for other
 * readers, such as a stored report ({@link #forAnyReader}). Only primary suppression is done:
 * a suppressed cell may still be worked out from a total and its other cells.
 */
public final class SmallCells {

    /** The count under which a cell is suppressed unless an indicator says otherwise. */
    public static final int DEFAULT_THRESHOLD = 5;

    private static final Set<String> SEEING_ROLES = Set.of("ADMIN", "MISSION_MANAGER", "CASE_OFFICER");

    private static final ThreadLocal<Boolean> FOR_ANY_READER = new ThreadLocal<>();

    private SmallCells() {}

    /** Whether the signed-in user sees cells under the threshold (never inside {@link #forAnyReader}). */
    public static boolean visibleToCurrentUser() {
        return !Boolean.TRUE.equals(FOR_ANY_READER.get()) && Roles.current(SEEING_ROLES.toArray(String[]::new));
    }

    /**
     * Whether someone with these roles (names such as {@code ADMIN}) sees cells under the threshold,
     * for output sent to a person rather than shown to the signed-in user (an alert e-mail).
     */
    public static boolean visibleTo(Collection<String> roles) {
        return roles.stream().anyMatch(SEEING_ROLES::contains);
    }

    /**
     * The count under which a value of an indicator is suppressed in public outputs (the
     * transparency portal): its own threshold, else {@link #DEFAULT_THRESHOLD} for a whole-number SUM
     * (a count of people, cases, hearings...), so that no count under 5 is published because nobody
     * set a threshold; none for any other indicator. Signed-in outputs keep the indicator's own
     * threshold only.
     */
    public static @Nullable Integer publicThreshold(
            @Nullable Integer own, ValueType valueType, Aggregation aggregation) {
        if (own != null) {
            return own;
        }
        return valueType == ValueType.INTEGER && aggregation == Aggregation.SUM ? DEFAULT_THRESHOLD : null;
    }

    /** How a hidden small cell reads wherever a figure would stand: "&lt;5". */
    public static String label(int threshold) {
        return "<" + threshold;
    }

    /** Whether a value is a small cell under the threshold (none: the indicator is never suppressed). */
    public static boolean hides(@Nullable Integer threshold, @Nullable BigDecimal value) {
        return threshold != null && value != null && value.compareTo(BigDecimal.valueOf(threshold)) < 0;
    }

    /**
     * Runs work whose output is kept for readers other than the current user (a stored report is
     * read by everyone in its subject's scope): small cells are suppressed in it whoever runs it, a
     * scheduled job or an administrator.
     */
    public static <T> T forAnyReader(Supplier<T> work) {
        Boolean outer = FOR_ANY_READER.get();
        FOR_ANY_READER.set(true);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                FOR_ANY_READER.remove();
            } else {
                FOR_ANY_READER.set(outer);
            }
        }
    }
}
