package org.bluehelm.geography;

/** An area of the country, or a unit of a security institution. */
public enum OrgUnitKind {
    AREA,
    INSTITUTION_UNIT
}
