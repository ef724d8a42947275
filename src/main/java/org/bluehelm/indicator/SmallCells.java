package org.bluehelm.indicator;

/**
 * Who sees small cells. Counts of complaints and cases under an indicator's {@code suppress_below}
 * (5 for the accountability indicators) could point at the people involved, so every public or
 * partner output shows them as "&lt;5" without a value. Administrators, mission managers and case
 * officers see them; every other role (partners, viewers, data stewards) and anyone not signed in
 * does not. Background work (no signed-in user) sees everything. Only primary suppression is done:
 * a suppressed cell may still be worked out from a total and its other cells.
 */
public final class SmallCells {

    /** The count under which a cell is suppressed unless an indicator says otherwise. */
    public static final int DEFAULT_THRESHOLD = 5;

    private SmallCells() {}

    /** Whether the signed-in user sees cells under the threshold. */
    public static boolean visibleToCurrentUser() {
        return Roles.current("ADMIN", "MISSION_MANAGER", "CASE_OFFICER");
    }
}
