package org.bluehelm.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of a list screen that keep its filters: to a page, or sorted by a column (a second click on
 * the same column reverses the order). Built from the current request by the controller.
 */
public record ListLinks(String current, @Nullable String sort) {

    public static ListLinks fromCurrentRequest(@Nullable String sort) {
        return new ListLinks(
                ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString(), sort);
    }

    public String page(int page) {
        return builder().replaceQueryParam("page", page).build().toUriString();
    }

    public String sortBy(String key) {
        String next = key.equals(sort) ? "-" + key : key;
        return builder()
                .replaceQueryParam("sort", next)
                .replaceQueryParam("page")
                .build()
                .toUriString();
    }

    /**
     * The same list with its filters and sort as a file ({@code csv} or {@code xlsx}): every page,
     * at the list's path followed by {@code /export}.
     */
    public String export(String format) {
        UriComponentsBuilder b = builder();
        String path = b.build().getPath();
        return b.replacePath((path == null ? "" : path) + "/export")
                .replaceQueryParam("page")
                .replaceQueryParam("format", format)
                .build()
                .toUriString();
    }

    /** {@code ascending}, {@code descending} or {@code none}, for the column's aria-sort. */
    public String ariaSort(String key) {
        if (key.equals(sort)) {
            return "ascending";
        }
        return ("-" + key).equals(sort) ? "descending" : "none";
    }

    private UriComponentsBuilder builder() {
        return UriComponentsBuilder.fromUriString(current);
    }
}
