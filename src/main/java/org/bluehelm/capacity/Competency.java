package org.bluehelm.capacity;

/** The competency area a course builds; labels in i18n/capacity ({@code capacity.competency.*}). */
public enum Competency {
    LOGISTICS,
    INTELLIGENCE,
    CRISIS_MANAGEMENT,
    INVESTIGATION,
    PUBLIC_ORDER,
    COMMUNITY_POLICING,
    HUMAN_RIGHTS,
    GENDER,
    LEADERSHIP,
    WEAPONS_AMMUNITION_MANAGEMENT,
    OTHER
}
