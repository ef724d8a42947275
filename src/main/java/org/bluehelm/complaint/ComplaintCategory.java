package org.bluehelm.complaint;

/** What a complaint is about. */
public enum ComplaintCategory {
    CORRUPTION_EXTORTION,
    EXCESSIVE_FORCE,
    SGBV,
    ARBITRARY_ARREST_DETENTION,
    TORTURE_ILL_TREATMENT,
    DISCRIMINATION,
    OTHER
}
