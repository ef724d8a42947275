package org.bluehelm.outcome;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An outcome series of the catalogue with the source to cite for each of its figures; {@code owner}
 * is the uploader of a series a user added, null for a shipped one.
 */
public record SeriesView(
        String code,
        String labelEn,
        String labelFr,
        String source,
        String citation,
        String licence,
        String url,
        String unit,
        @Nullable Boolean higherIsBetter,
        @Nullable String owner,
        @Nullable OffsetDateTime uploadedAt,
        long values,
        @Nullable Integer firstYear,
        @Nullable Integer lastYear) {

    public boolean uploaded() {
        return owner != null;
    }

    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }
}
