package org.bluehelm.measurement;

/**
 * The 64-bit hashes of the keys an import has staged, up to a capacity, to tell whether any key
 * may repeat: when no two hashes are equal, no two keys are, and the import need not look for
 * repeated rows in the database (a window over every staged row: a tenth of a PostgreSQL import
 * and a fifth of an H2 one, docs/benchmarks.md run 18). Equal hashes, or more keys than the
 * capacity, only say "maybe": the database then answers exactly. Memory is bounded by the
 * capacity whatever the size of the file.
 */
final class KeyHashes {

    private final int capacity;
    private long[] slots = new long[1024];
    private int size;
    private boolean maybeRepeated;
    private boolean full;

    KeyHashes(int capacity) {
        this.capacity = capacity;
    }

    /** Notes one key's hash. */
    void add(long hash) {
        if (maybeRepeated || full) {
            return;
        }
        if (size >= capacity) {
            full = true;
            slots = new long[0];
            return;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        if (insert(slots, hash == 0 ? 1 : hash)) {
            size++;
        } else {
            maybeRepeated = true;
            slots = new long[0];
        }
    }

    /** Whether no key was noted twice for sure (false: maybe, or too many keys to tell). */
    boolean allDistinct() {
        return !maybeRepeated && !full;
    }

    /** Inserts a non-zero hash; false when it was there already. */
    private boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = hash;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long hash : old) {
            if (hash != 0) {
                insert(slots, hash);
            }
        }
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
