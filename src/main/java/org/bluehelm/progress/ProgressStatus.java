package org.bluehelm.progress;

/**
 * Where an indicator stands against its target at a unit, judged by the share of the way from
 * baseline to target achieved compared with the share expected by now (see {@link ProgressService}).
 */
public enum ProgressStatus {
    /** Achieved at least the on-track part of what is expected by now, or the target is met. */
    ON_TRACK,
    /** Achieved at least the at-risk part of what is expected by now. */
    AT_RISK,
    /** Achieved less than the at-risk part of what is expected by now. */
    OFF_TRACK,
    /** A baseline and a target are set but no value has been recorded. */
    NO_DATA,
    /** The unit has no target, or no baseline to measure from. */
    NO_TARGET
}
