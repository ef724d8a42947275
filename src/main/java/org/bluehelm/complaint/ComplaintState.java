package org.bluehelm.complaint;

/** Where a complaint stands; the case workflow will add the states after RECEIVED. */
public enum ComplaintState {
    RECEIVED
}
