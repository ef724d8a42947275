package org.bluehelm.capacity;

/** The sex of a member of personnel, as the institution records it. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER
}
