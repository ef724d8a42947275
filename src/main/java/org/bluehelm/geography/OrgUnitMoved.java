package org.bluehelm.geography;

/**
 * An organisation unit (with its whole subtree) moved to another parent: its materialised path
 * changed from {@code oldPath} to {@code newPath} (e.g. {@code /1/7/42/} to {@code /1/9/42/}).
 * Published inside the moving transaction, after the subtree's paths and levels were updated.
 */
public record OrgUnitMoved(long orgUnitId, String oldPath, String newPath) {}
