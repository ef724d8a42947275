package org.bluehelm.measurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorFilter;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorSummary;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.jspecify.annotations.Nullable;

/**
 * A data entry set made of the indicators of a mission or a country (all of them, or those
 * chosen), or of indicators chosen by id alone (for example from an indicator's page, which is how
 * shared library indicators are reached). Indicators outside the user's scope are left out.
 */
final class IndicatorSelection implements DataEntrySet {

    /** More indicators than one grid should hold; the user narrows the set by choosing some. */
    static final int MAX_INDICATORS = PageQuery.MAX_SIZE;

    /** Organisation units offered in the unit list. */
    static final int MAX_UNITS = 1000;

    private final IndicatorService service;
    private final @Nullable Long missionId;
    private final @Nullable String countryCode;
    private final List<Long> chosen;
    private @Nullable List<IndicatorSummary> choices;
    private @Nullable List<IndicatorView> indicators;
    private @Nullable List<OrgUnitView> orgUnits;

    private IndicatorSelection(
            IndicatorService service, @Nullable Long missionId, @Nullable String countryCode, List<Long> chosen) {
        this.service = service;
        this.missionId = missionId;
        this.countryCode = countryCode;
        this.chosen = chosen;
    }

    /** The set the parameters choose, or null when they choose none (no mission, country or indicator). */
    static @Nullable IndicatorSelection of(
            IndicatorService service,
            @Nullable Long missionId,
            @Nullable String countryCode,
            @Nullable List<Long> chosen) {
        String country = countryCode == null || countryCode.isBlank()
                ? null
                : countryCode.strip().toUpperCase(Locale.ROOT);
        List<Long> ids = chosen == null ? List.of() : chosen.stream().distinct().toList();
        if (missionId == null && country == null && ids.isEmpty()) {
            return null;
        }
        return new IndicatorSelection(service, missionId, country, ids);
    }

    /** Whether the set is a mission's or a country's (so that its indicators can be offered to choose from). */
    public boolean scoped() {
        return missionId != null || countryCode != null;
    }

    /** The indicators of the mission or country, to choose from; empty for a set of indicators chosen by id alone. */
    public List<IndicatorSummary> choices() {
        if (choices == null) {
            choices = scoped()
                    ? service.list(
                                    new IndicatorFilter(null, null, null, missionId, countryCode),
                                    PageQuery.of(0, MAX_INDICATORS, "code", Map.of("code", "i.code"), "code"))
                            .items()
                    : List.of();
        }
        return choices;
    }

    public boolean isChosen(long indicatorId) {
        return chosen.contains(indicatorId);
    }

    @Override
    public List<IndicatorView> indicators() {
        if (indicators == null) {
            List<Long> ids;
            if (scoped()) {
                Set<Long> inScope = choices().stream().map(IndicatorSummary::id).collect(Collectors.toSet());
                ids = chosen.isEmpty()
                        ? choices().stream().map(IndicatorSummary::id).toList()
                        : chosen.stream().filter(inScope::contains).toList();
            } else {
                ids = chosen;
            }
            List<IndicatorView> found = new ArrayList<>();
            for (Long id : ids.stream().limit(MAX_INDICATORS).toList()) {
                try {
                    found.add(service.get(id));
                } catch (NotFoundException e) {
                    // an indicator deleted meanwhile or outside the user's scope is simply not offered
                }
            }
            indicators = found;
        }
        return indicators;
    }

    @Override
    public List<OrgUnitView> orgUnits() {
        if (orgUnits == null) {
            Long mission = missionId;
            String country = countryCode;
            if (!scoped() && indicators().size() == 1) {
                mission = indicators().get(0).missionId();
                country = indicators().get(0).countryCode();
            }
            orgUnits = service.orgUnitsFor(mission, country, MAX_UNITS);
        }
        return orgUnits;
    }

    @Override
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (missionId != null) {
            parameters.put("mission", List.of(missionId.toString()));
        }
        if (countryCode != null) {
            parameters.put("country", List.of(countryCode));
        }
        if (!chosen.isEmpty()) {
            parameters.put("indicator", chosen.stream().map(String::valueOf).toList());
        }
        return parameters;
    }
}
