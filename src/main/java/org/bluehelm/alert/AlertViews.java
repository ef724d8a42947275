package org.bluehelm.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bluehelm.alert.AlertStore.Stored;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.web.DecimalInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns stored alerts into views (with the codes and names of indicators and units) and sentences. */
@Component
class AlertViews {

    private final IndicatorService indicators;
    private final GeographyService geography;
    private final MessageSource messages;

    AlertViews(IndicatorService indicators, GeographyService geography, MessageSource messages) {
        this.indicators = indicators;
        this.geography = geography;
        this.messages = messages;
    }

    /** Views of stored alerts as the signed-in user may see them (small counts left out, see {@link SmallCells}). */
    List<AlertView> of(List<Stored> stored) {
        return of(stored, SmallCells.visibleToCurrentUser());
    }

    /**
     * Views of stored alerts, looking each indicator and unit up once. For a reader who does not see
     * small cells, a value of an indicator with a small-cell threshold ({@code suppress_below}) that is
     * under it is left out, and so is the change percent that would let it be worked out.
     */
    List<AlertView> of(List<Stored> stored, boolean seesSmallCells) {
        Map<Long, Optional<IndicatorView>> indicatorsById = new HashMap<>();
        Map<Long, Optional<OrgUnitView>> units = new HashMap<>();
        Map<Long, Integer> thresholds =
                seesSmallCells || stored.isEmpty() ? Map.of() : indicators.smallCellThresholds();
        return stored.stream()
                .map(a -> {
                    Optional<IndicatorView> indicator =
                            indicatorsById.computeIfAbsent(a.indicatorId(), indicators::findIgnoringScope);
                    Optional<OrgUnitView> unit = units.computeIfAbsent(a.orgUnitId(), geography::findOrgUnit);
                    Integer threshold = thresholds.get(a.indicatorId());
                    boolean valueHidden = small(a.value(), threshold);
                    // a threshold rule's reference is the rule's own figure; a deterioration's is a count
                    boolean referenceHidden =
                            a.kind() == AlertKind.DETERIORATION && small(a.referenceValue(), threshold);
                    boolean hidden = valueHidden || referenceHidden;
                    return new AlertView(
                            a.id(),
                            a.ruleId(),
                            a.kind(),
                            a.operator(),
                            a.indicatorId(),
                            indicator.map(IndicatorView::code).orElse(""),
                            indicator.map(IndicatorView::name).orElse(""),
                            a.orgUnitId(),
                            unit.map(OrgUnitView::code).orElse(""),
                            unit.map(OrgUnitView::name).orElse(""),
                            a.periodId(),
                            valueHidden ? null : plain(a.value()),
                            referenceHidden ? null : plain(a.referenceValue()),
                            a.referencePeriod(),
                            hidden || a.changePercent() == null
                                    ? null
                                    : a.changePercent().setScale(1, RoundingMode.HALF_UP),
                            hidden ? threshold : null,
                            a.dueDate(),
                            a.state(),
                            a.raisedAt(),
                            a.updatedAt(),
                            a.acknowledgedBy(),
                            a.acknowledgedAt(),
                            a.resolvedAt(),
                            a.missionId(),
                            a.countryCode(),
                            a.version());
                })
                .toList();
    }

    private static boolean small(@Nullable BigDecimal value, @Nullable Integer threshold) {
        return threshold != null && value != null && value.compareTo(BigDecimal.valueOf(threshold)) < 0;
    }

    /**
     * What the alert says, in the given language: "120 is above the threshold 100"; a figure left
     * out for this reader reads "&lt;5".
     */
    String sentence(AlertView a, Locale locale) {
        return switch (a.kind()) {
            case THRESHOLD ->
                messages.getMessage(
                        "alert.message.THRESHOLD." + (a.operator() == null ? "ABOVE" : a.operator()),
                        new Object[] {figure(a, a.value(), locale), number(a.referenceValue(), locale)},
                        locale);
            case DETERIORATION ->
                a.suppressedBelow() != null
                        ? messages.getMessage(
                                "alert.message.DETERIORATION.suppressed",
                                new Object[] {
                                    figure(a, a.value(), locale),
                                    figure(a, a.referenceValue(), locale),
                                    a.referencePeriod() == null ? "" : a.referencePeriod(),
                                    a.suppressedBelow()
                                },
                                locale)
                        : messages.getMessage(
                                "alert.message.DETERIORATION",
                                new Object[] {
                                    number(a.value(), locale),
                                    number(a.changePercent(), locale),
                                    number(a.referenceValue(), locale),
                                    a.referencePeriod() == null ? "" : a.referencePeriod()
                                },
                                locale);
            case MISSING ->
                messages.getMessage(
                        "alert.message.MISSING",
                        new Object[] {a.dueDate() == null ? "" : a.dueDate().toString()},
                        locale);
        };
    }

    /** A figure of the alert for this reader: the number, or "&lt;5" where it was left out. */
    private static String figure(AlertView a, @Nullable BigDecimal value, Locale locale) {
        return value == null && a.suppressedBelow() != null ? "<" + a.suppressedBelow() : number(value, locale);
    }

    private static String number(@Nullable BigDecimal value, Locale locale) {
        return DecimalInput.format(value, locale);
    }

    private static @Nullable BigDecimal plain(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
