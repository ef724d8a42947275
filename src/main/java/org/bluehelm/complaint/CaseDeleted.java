package org.bluehelm.complaint;

/**
 * Published when a case is deleted at the end of its retention period, so that modules keeping
 * anything derived from it (references, flags) drop the reference.
 */
public record CaseDeleted(long caseId) {}
