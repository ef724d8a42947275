package org.bluehelm.measurement;

/**
 * What a reconciliation changed: values created, updated, deleted and left unchanged, and those
 * not written or not removed because their period is locked.
 */
public record Reconciled(int created, int updated, int deleted, int unchanged, int locked) {

    public static final Reconciled NONE = new Reconciled(0, 0, 0, 0, 0);

    /** The sum of both counts. */
    public Reconciled plus(Reconciled other) {
        return new Reconciled(
                created + other.created,
                updated + other.updated,
                deleted + other.deleted,
                unchanged + other.unchanged,
                locked + other.locked);
    }
}
