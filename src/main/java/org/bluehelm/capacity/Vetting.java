package org.bluehelm.capacity;

/** Whether a participant has been vetted (human rights screening) before training. */
public enum Vetting {
    PENDING,
    CLEARED,
    NOT_CLEARED
}
