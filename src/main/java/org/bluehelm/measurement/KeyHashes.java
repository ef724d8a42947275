package org.bluehelm.measurement;

import org.jspecify.annotations.Nullable;

/**
 * The 64-bit hashes of the keys an import has staged, up to a capacity, to tell whether any key
 * may repeat: when no two hashes are equal, no two keys are, and the import need not look for
 * repeated rows in the database (a window over every staged row: a tenth of a PostgreSQL import
 * and a fifth of an H2 one, docs/benchmarks.md run 18). Equal hashes, or more keys than the
 * capacity, only say "maybe": the database then answers exactly. Memory is bounded by the
 * capacity whatever the size of the file.
 *
 * <p>Made {@link #withValues}, it keeps a value beside each hash and tells whether any hash was
 * noted with two different values: the cells (indicator, unit, period) of an import's rows with
 * the group each row falls in (total or category), to know without the database that no cell
 * gets both a total and a breakdown.
 */
final class KeyHashes {

    private final int capacity;
    private long[] slots = new long[1024];
    /** The value noted with each slot's hash ({@link #withValues} only). */
    private long @Nullable [] values;

    private int size;
    private boolean maybeRepeated;
    private boolean full;

    KeyHashes(int capacity) {
        this.capacity = capacity;
    }

    /** Hashes each noted with a value ({@link #add(long, long)}), up to the capacity. */
    static KeyHashes withValues(int capacity) {
        KeyHashes hashes = new KeyHashes(capacity);
        hashes.values = new long[hashes.slots.length];
        return hashes;
    }

    /** Notes one key's hash: noted twice, the key may repeat. */
    void add(long hash) {
        add(hash, 0);
    }

    /**
     * Notes a hash with a value ({@link #withValues}): noted again with another value, the hash
     * may stand for a key with two values. Without values, any hash noted twice counts.
     */
    void add(long hash, long value) {
        if (maybeRepeated || full) {
            return;
        }
        if (size * 2 >= slots.length && size < capacity) {
            grow();
        }
        long[] noted = values;
        int i = find(slots, hash == 0 ? 1 : hash);
        if (slots[i] == 0) {
            if (size >= capacity) {
                full = true;
                slots = new long[0];
                values = null;
                return;
            }
            slots[i] = hash == 0 ? 1 : hash;
            if (noted != null) {
                noted[i] = value;
            }
            size++;
        } else if (noted == null || noted[i] != value) {
            maybeRepeated = true;
            slots = new long[0];
            values = null;
        }
    }

    /**
     * Whether no hash was noted twice (with values: with two different values) for sure; false
     * means maybe, or too many hashes to tell.
     */
    boolean allDistinct() {
        return !maybeRepeated && !full;
    }

    /** The slot holding a non-zero hash, or the empty slot where it goes. */
    private static int find(long[] table, long hash) {
        int mask = table.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[i] != 0 && table[i] != hash) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] old = slots;
        long[] oldValues = values;
        long[] grown = new long[old.length * 2];
        long[] grownValues = new long[oldValues == null ? 0 : grown.length];
        for (int j = 0; j < old.length; j++) {
            if (old[j] != 0) {
                int i = find(grown, old[j]);
                grown[i] = old[j];
                if (oldValues != null) {
                    grownValues[i] = oldValues[j];
                }
            }
        }
        slots = grown;
        values = oldValues == null ? null : grownValues;
    }

    /** A 64-bit hash of a value's key. */
    static long of(BulkValueService.ValueKey key) {
        return of(key.indicatorId(), key.orgUnitId(), key.periodId(), key.optionKey());
    }

    /** A 64-bit hash of a value's key (the key's {@code hashCode} folds it into 32 bits). */
    static long of(long indicatorId, long orgUnitId, String periodId, long optionKey) {
        long h = indicatorId * 0x9E3779B97F4A7C15L;
        h = (h ^ orgUnitId) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ periodId.hashCode()) * 0x165667B19E3779F9L;
        h = (h ^ optionKey) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
