package org.bluehelm.coordination;

/** Where an activity stands, with its IATI ActivityStatus code. */
public enum ActivityStatus {
    PLANNED(1),
    ACTIVE(2),
    COMPLETED(4),
    CANCELLED(5),
    SUSPENDED(6);

    private final int iatiCode;

    ActivityStatus(int iatiCode) {
        this.iatiCode = iatiCode;
    }

    public int iatiCode() {
        return iatiCode;
    }

    /** Whether the activity still counts as support on the ground (for overlaps and gaps). */
    public boolean current() {
        return this != COMPLETED && this != CANCELLED;
    }

    /** The status of an IATI code; finalisation (3) is taken as completed. */
    static ActivityStatus ofIati(int code) {
        if (code == 3) {
            return COMPLETED;
        }
        for (ActivityStatus s : values()) {
            if (s.iatiCode == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown IATI activity status " + code);
    }
}
