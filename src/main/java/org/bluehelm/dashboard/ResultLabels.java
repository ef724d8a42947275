package org.bluehelm.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.analytics.AnalyticsResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * An analytics result read the way the renderers lay it out: each value by indicator, unit, period
 * and option, the names to show for them, and the options that have values, in the result's order
 * (values recorded without an option first).
 */
final class ResultLabels {

    private final AnalyticsResult result;
    private final MessageSource messages;
    private final Map<String, BigDecimal> values = new HashMap<>();
    private final Map<Long, String> indicatorNames = new HashMap<>();
    private final Map<Long, String> unitNames = new HashMap<>();
    private final Map<Long, String> optionNames = new HashMap<>();

    ResultLabels(AnalyticsResult result, MessageSource messages) {
        this.result = result;
        this.messages = messages;
        result.indicators().forEach(i -> indicatorNames.put(i.id(), i.name()));
        result.orgUnits().forEach(u -> unitNames.put(u.id(), u.name()));
        result.options().forEach(o -> optionNames.put(o.id(), o.name()));
        for (AnalyticsResult.Row row : result.rows()) {
            if (row.indicator() != null) {
                values.put(key(row.indicator(), row.orgUnit(), row.period(), row.option()), row.value());
            }
        }
    }

    AnalyticsResult result() {
        return result;
    }

    @Nullable
    BigDecimal value(long indicator, long unit, String period, @Nullable Long option) {
        return values.get(key(indicator, unit, period, option));
    }

    /**
     * The options to show apart: none but the total when values are not split by option; otherwise
     * null (values recorded without one) and every option of the result.
     */
    List<@Nullable Long> options(boolean byOption) {
        List<@Nullable Long> options = new ArrayList<>();
        options.add(null);
        if (byOption) {
            result.options().forEach(o -> options.add(o.id()));
        }
        return options;
    }

    String indicator(long id) {
        return indicatorNames.getOrDefault(id, "#" + id);
    }

    String unit(long id) {
        return unitNames.getOrDefault(id, "#" + id);
    }

    String option(@Nullable Long id) {
        return id == null ? message("dashboard.item.noOption") : optionNames.getOrDefault(id, "#" + id);
    }

    /** A column or series name: the parts that tell it apart from the others, joined by " · ". */
    static String join(List<String> parts) {
        return String.join(" · ", parts);
    }

    String message(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private static String key(long indicator, long unit, String period, @Nullable Long option) {
        return indicator + "|" + unit + "|" + period + "|" + (option == null ? "" : option);
    }
}
