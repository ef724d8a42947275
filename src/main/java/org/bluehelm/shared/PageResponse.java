package org.bluehelm.shared;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list with the total count, as the API returns it. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long total) {
        return new PageResponse<>(items, query.page(), query.size(), total);
    }

    /**
     * One page of a list computed in memory (bounded by its source), sorted by the comparator named
     * in {@code query}: build the query with {@link #sortKeys(Map)} as its allow-list.
     */
    public static <T> PageResponse<T> slice(List<T> all, PageQuery query, Map<String, Comparator<T>> sorts) {
        int space = query.orderBy().lastIndexOf(' ');
        Comparator<T> order = sorts.get(query.orderBy().substring(0, space));
        if (query.orderBy().endsWith(" desc")) {
            order = order.reversed();
        }
        List<T> sorted = all.stream().sorted(order).toList();
        int from = (int) Math.min(query.offset(), sorted.size());
        int to = Math.min(from + query.size(), sorted.size());
        return of(sorted.subList(from, to), query, sorted.size());
    }

    /** The allow-list of {@link PageQuery#of} for {@link #slice}: each key names its own comparator. */
    public static Map<String, String> sortKeys(Map<String, ?> sorts) {
        Map<String, String> keys = new LinkedHashMap<>();
        sorts.keySet().forEach(k -> keys.put(k, k));
        return keys;
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
