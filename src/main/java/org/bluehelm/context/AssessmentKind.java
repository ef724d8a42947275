package org.bluehelm.context;

/** When a context assessment is made: before the mission starts, or periodically during it. */
public enum AssessmentKind {
    BEFORE_MISSION,
    PERIODIC
}
