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
        List<AlertView> whole = whole(stored);
        Map<Long, Integer> thresholds = whole.isEmpty() ? Map.of() : indicators.smallCellThresholdsForCurrentUser();
        return hidingCountsUnder(whole, thresholds);
    }

    /** The views as a reader who may not see small cells sees them, whoever is signed in. */
    List<AlertView> forAnyReader(List<AlertView> whole) {
        return hidingCountsUnder(whole, whole.isEmpty() ? Map.of() : indicators.smallCellThresholds());
    }

    private static List<AlertView> hidingCountsUnder(List<AlertView> views, Map<Long, Integer> thresholds) {
        return thresholds.isEmpty()
                ? views
                : views.stream()
                        .map(a -> a.hidingCountsUnder(thresholds.get(a.indicatorId())))
                        .toList();
    }

    /** Views of stored alerts with every figure, looking each indicator and unit up once. */
    List<AlertView> whole(List<Stored> stored) {
        Map<Long, Optional<IndicatorView>> indicatorsById = new HashMap<>();
        Map<Long, Optional<OrgUnitView>> units = new HashMap<>();
        return stored.stream()
                .map(a -> {
                    Optional<IndicatorView> indicator =
                            indicatorsById.computeIfAbsent(a.indicatorId(), indicators::findIgnoringScope);
                    Optional<OrgUnitView> unit = units.computeIfAbsent(a.orgUnitId(), geography::findOrgUnit);
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
                            plain(a.value()),
                            plain(a.referenceValue()),
                            a.referencePeriod(),
                            a.changePercent() == null ? null : a.changePercent().setScale(1, RoundingMode.HALF_UP),
                            null,
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
        return value == null && a.suppressedBelow() != null
                ? SmallCells.label(a.suppressedBelow())
                : number(value, locale);
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
