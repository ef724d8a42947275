package org.bluehelm.measurement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The functions that write the arrays of a block of values (V0046), as H2 calls them (V0047 declares
 * each as an alias; PostgreSQL has the same functions in PL/pgSQL). {@code put*(base, length, slots,
 * elements)} returns base with {@code elements[i]} at slot {@code slots[i]} (slots count from 1); a
 * base of null is an array of the given length with nulls elsewhere.
 */
public final class BlockArrays {

    private BlockArrays() {}

    public static BigDecimal @Nullable [] putNumeric(
            BigDecimal @Nullable [] base, int length, Integer @Nullable [] slots, BigDecimal @Nullable [] elements) {
        return put(base, length, slots, elements, BigDecimal[]::new);
    }

    public static Integer @Nullable [] putInteger(
            Integer @Nullable [] base, int length, Integer @Nullable [] slots, Integer @Nullable [] elements) {
        return put(base, length, slots, elements, Integer[]::new);
    }

    public static String @Nullable [] putText(
            String @Nullable [] base, int length, Integer @Nullable [] slots, String @Nullable [] elements) {
        return put(base, length, slots, elements, String[]::new);
    }

    public static OffsetDateTime @Nullable [] putTime(
            OffsetDateTime @Nullable [] base,
            int length,
            Integer @Nullable [] slots,
            OffsetDateTime @Nullable [] elements) {
        return put(base, length, slots, elements, OffsetDateTime[]::new);
    }

    /** Whether the version stored at each of the slots is the expected one (null: no value there). */
    public static boolean versionsMatch(
            Integer @Nullable [] stored, Integer @Nullable [] slots, Integer @Nullable [] expected) {
        if (slots == null) {
            return true;
        }
        for (int i = 0; i < slots.length; i++) {
            int slot = slots[i];
            Integer have = stored != null && slot <= stored.length ? stored[slot - 1] : null;
            if (!Objects.equals(have, expected == null ? null : expected[i])) {
                return false;
            }
        }
        return true;
    }

    private static <T> T @Nullable [] put(
            T @Nullable [] base,
            int length,
            Integer @Nullable [] slots,
            T @Nullable [] elements,
            IntFunction<T[]> array) {
        if (slots == null || elements == null) {
            return base;
        }
        int size = base == null ? length : base.length;
        for (Integer slot : slots) {
            size = Math.max(size, slot);
        }
        T[] result = base == null ? array.apply(size) : Arrays.copyOf(base, size);
        for (int i = 0; i < slots.length; i++) {
            result[slots[i] - 1] = elements[i];
        }
        return result;
    }
}
