package org.bluehelm.shared;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page of a list: zero-based page number, size (1 to 200) and a sort key chosen from an
 * allow-list that maps API names to SQL expressions, so no user text ever reaches the SQL.
 */
public record PageQuery(int page, int size, String orderBy) {

    public static final int MAX_SIZE = 200;

    /**
     * @param sort an allowed key, optionally prefixed by {@code -} for descending order
     * @param allowedSorts API sort key to SQL expression
     * @throws InvalidInputException naming every one of page, size and sort that is wrong
     */
    public static PageQuery of(
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable String sort,
            Map<String, String> allowedSorts,
            String defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        Validation v = new Validation();
        if (p < 0) {
            v.coded("page", "must be 0 or more", "list.validation.page");
        }
        if (s < 1 || s > MAX_SIZE) {
            v.coded("size", "must be between 1 and " + MAX_SIZE, "list.validation.size", MAX_SIZE);
        }
        String key = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        boolean descending = key.startsWith("-");
        String name = descending ? key.substring(1) : key;
        String column = allowedSorts.get(name);
        if (column == null) {
            String keys = String.join(", ", allowedSorts.keySet());
            v.coded("sort", "'" + name + "' is not a sort key; use one of " + keys, "list.validation.sort", name, keys);
        }
        v.throwIfInvalid();
        return new PageQuery(p, s, column + (descending ? " desc" : " asc"));
    }

    public long offset() {
        return (long) page * size;
    }
}
