package org.bluehelm.analytics;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The functions that write the arrays of a rollup block (V0050), as H2 calls them (V0050_1 declares
 * each as an alias; PostgreSQL has the same functions in PL/pgSQL). {@code lay*(length, slots,
 * elements)} returns an array of the given length with {@code elements[i]} at slot {@code slots[i]}
 * (slots count from 1) and 0 elsewhere; {@code add*(a, b)} adds two arrays element by element, a
 * null array or element counting as 0.
 */
public final class RollupArrays {

    private RollupArrays() {}

    public static BigDecimal[] layNumeric(int length, Integer @Nullable [] slots, BigDecimal @Nullable [] elements) {
        BigDecimal[] laid = new BigDecimal[length];
        java.util.Arrays.fill(laid, BigDecimal.ZERO);
        if (slots != null && elements != null) {
            for (int i = 0; i < slots.length; i++) {
                laid[slots[i] - 1] = elements[i];
            }
        }
        return laid;
    }

    public static Long[] layCount(int length, Integer @Nullable [] slots, Long @Nullable [] elements) {
        Long[] laid = new Long[length];
        java.util.Arrays.fill(laid, 0L);
        if (slots != null && elements != null) {
            for (int i = 0; i < slots.length; i++) {
                laid[slots[i] - 1] = elements[i];
            }
        }
        return laid;
    }

    public static BigDecimal @Nullable [] addNumeric(BigDecimal @Nullable [] a, BigDecimal @Nullable [] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        BigDecimal[] added = new BigDecimal[Math.max(a.length, b.length)];
        for (int i = 0; i < added.length; i++) {
            BigDecimal x = i < a.length && a[i] != null ? a[i] : BigDecimal.ZERO;
            BigDecimal y = i < b.length && b[i] != null ? b[i] : BigDecimal.ZERO;
            added[i] = x.add(y);
        }
        return added;
    }

    public static Long @Nullable [] addCount(Long @Nullable [] a, Long @Nullable [] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        Long[] added = new Long[Math.max(a.length, b.length)];
        for (int i = 0; i < added.length; i++) {
            long x = i < a.length && a[i] != null ? a[i] : 0L;
            long y = i < b.length && b[i] != null ? b[i] : 0L;
            added[i] = x + y;
        }
        return added;
    }
}
