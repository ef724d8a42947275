package org.bluehelm.measurement;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The 64-bit hashes of the keys an import has staged, up to a capacity, to tell whether any key
 * may repeat: when no two hashes are equal, no two keys are, and the import need not look for
 * repeated rows in the database (a window over every staged row: a tenth of a PostgreSQL import
 * at 1 million values and 11 of its 78 s at 10 million, docs/benchmarks.md runs 18-19). Equal
 * hashes, or more keys than the capacity, only say "maybe": the database then answers exactly.
 * The hashes are appended as they come (no random memory access while the file is read) and
 * sorted once when asked; memory is 8 bytes a key up to the capacity, whatever the size of the file.
 *
 * <p>Made {@link #withValues}, each hash is noted with a value (up to 255 distinct values, each
 * kept as a small number in the hash's low 8 bits) and the question is whether any hash was noted
 * with two different values: the cells (indicator, unit, period) of an import's rows with the group
 * each row falls in (total or category), to know without the database that no cell gets both a
 * total and a breakdown. A real mix always shows (same cell, same high bits, other low bits); two
 * cells whose high bits collide only send the question to the database.
 */
final class KeyHashes {

    /** The low bits that hold a value's number ({@link #withValues}). */
    private static final int VALUE_BITS = 8;

    private static final long VALUE_MASK = (1L << VALUE_BITS) - 1;

    private final int capacity;
    /** The numbers given to the values noted so far ({@link #withValues} only). */
    private final @Nullable Map<Long, Long> valueNumbers;

    private long[] hashes = new long[1024];
    private int size;
    private boolean full;
    /** Whether {@link #hashes} are sorted and answered ({@link #answer}) since the last note. */
    private boolean sorted;

    private boolean answer;

    KeyHashes(int capacity) {
        this(capacity, null);
    }

    private KeyHashes(int capacity, @Nullable Map<Long, Long> valueNumbers) {
        this.capacity = capacity;
        this.valueNumbers = valueNumbers;
    }

    /** Hashes each noted with a value ({@link #add(long, long)}), up to the capacity. */
    static KeyHashes withValues(int capacity) {
        return new KeyHashes(capacity, new java.util.HashMap<>());
    }

    /** Notes one key's hash: noted twice, the key may repeat. */
    void add(long hash) {
        note(hash);
    }

    /**
     * Notes a hash with a value ({@link #withValues}): noted again with another value, the hash
     * may stand for a key with two values.
     */
    void add(long hash, long value) {
        Map<Long, Long> numbers = java.util.Objects.requireNonNull(valueNumbers, "hashes without values");
        if (full) {
            return;
        }
        Long number = numbers.get(value);
        if (number == null) {
            if (numbers.size() > VALUE_MASK) {
                full = true; // more values than the low bits can number: the database answers
                hashes = new long[0];
                return;
            }
            number = (long) numbers.size();
            numbers.put(value, number);
        }
        note((hash & ~VALUE_MASK) | number);
    }

    private void note(long hash) {
        if (full) {
            return;
        }
        if (size >= capacity) {
            full = true;
            hashes = new long[0];
            return;
        }
        if (size == hashes.length) {
            hashes = java.util.Arrays.copyOf(hashes, (int) Math.min(capacity, hashes.length * 2L));
        }
        hashes[size++] = hash;
        sorted = false;
    }

    /**
     * Whether no hash was noted twice (with values: with two different values) for sure; false
     * means maybe, or too many hashes to tell. Sorts the hashes noted so far, once.
     */
    boolean allDistinct() {
        if (full) {
            return false;
        }
        if (!sorted) {
            java.util.Arrays.parallelSort(hashes, 0, size);
            answer = true;
            boolean withValues = valueNumbers != null;
            for (int i = 1; i < size && answer; i++) {
                long previous = hashes[i - 1];
                long hash = hashes[i];
                answer = withValues
                        ? previous == hash || (previous & ~VALUE_MASK) != (hash & ~VALUE_MASK)
                        : previous != hash;
            }
            sorted = true;
        }
        return answer;
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
