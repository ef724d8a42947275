package org.bluehelm.complaint;

import java.time.Period;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a closed case is kept, counted from its closing, per category
 * ({@code bluehelm.complaint.retention.SGBV=P25Y}, a {@link java.time.Period} such as {@code P10Y},
 * {@code P18M} or {@code P90D}); {@code bluehelm.complaint.retention-default} (10 years unless set)
 * for the categories not named. Open cases are never deleted.
 */
@ConfigurationProperties("bluehelm.complaint")
record RetentionProperties(
        @DefaultValue("P10Y") Period retentionDefault,
        @Nullable Map<ComplaintCategory, Period> retention) {

    RetentionProperties {
        if (retentionDefault.isNegative() || retentionDefault.isZero()) {
            throw new IllegalArgumentException("bluehelm.complaint.retention-default must be a positive period");
        }
        retention = retention == null ? Map.of() : Map.copyOf(retention);
        retention.forEach((category, period) -> {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(
                        "bluehelm.complaint.retention." + category + " must be a positive period");
            }
        });
    }

    /** How long a closed case of the category is kept. */
    Period retentionOf(ComplaintCategory category) {
        return retention == null ? retentionDefault : retention.getOrDefault(category, retentionDefault);
    }
}
