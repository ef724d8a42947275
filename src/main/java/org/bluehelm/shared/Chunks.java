package org.bluehelm.shared;

import java.util.ArrayList;
import java.util.List;

/** A list cut into consecutive views of at most a given size: for SQL in-lists and batches. */
public final class Chunks {

    private Chunks() {}

    public static <T> List<List<T>> of(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a chunk holds at least one item");
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }
}
