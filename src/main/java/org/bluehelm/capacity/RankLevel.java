package org.bluehelm.capacity;

/** The rank levels a course is meant for. */
public enum RankLevel {
    SENIOR_OFFICER,
    OFFICER,
    NCO,
    RANK_AND_FILE,
    CIVILIAN_STAFF
}
