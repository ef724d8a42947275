package org.bluehelm.complaint;

/** Where a case came from: the public form, a staff member, or an import. */
public enum CaseSource {
    PUBLIC,
    STAFF,
    IMPORT
}
