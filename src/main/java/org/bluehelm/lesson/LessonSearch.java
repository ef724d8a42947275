package org.bluehelm.lesson;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A search over lessons: the words typed (any language) and the facet values chosen, ANDed.
 * Blank words list every lesson, newest first.
 */
public record LessonSearch(
        @Nullable String q,
        @Nullable String mission,
        @Nullable String pillar,
        @Nullable String dimension,
        @Nullable String tag,
        @Nullable String language) {

    /** The result: the hits of the page asked for, how many in all, and the facet counts over all hits. */
    public record Result(List<Hit> hits, long total, Map<String, List<FacetCount>> facets) {}

    /**
     * A lesson found, with a snippet of its text as HTML: the text escaped, the words that matched in
     * {@code <mark>} elements.
     */
    public record Hit(
            long id,
            String title,
            String snippetHtml,
            @Nullable String missionAcronym,
            @Nullable String pillar,
            @Nullable String dimension,
            List<String> tags,
            String language,
            String source,
            float score) {}

    /** A facet value and how many hits carry it. */
    public record FacetCount(String value, long count) {}
}
