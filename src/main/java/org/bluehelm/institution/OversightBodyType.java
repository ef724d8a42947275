package org.bluehelm.institution;

/** What kind of body oversees the security sector. */
public enum OversightBodyType {
    PARLIAMENTARY_COMMITTEE,
    INSPECTORATE,
    OMBUDSPERSON,
    NATIONAL_HUMAN_RIGHTS_INSTITUTION,
    CIVIL_SOCIETY_MONITOR,
    JUDICIAL,
    AUDIT_INSTITUTION,
    OTHER
}
