package org.bluehelm.institution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluehelm.geography.CountryView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the institution and oversight body screens offer to choose from: every country (for the
 * country code's suggestion list), the missions in the user's scope and, for a country, its
 * organisation units and institutions.
 */
@Component
class Choices {

    private final GeographyService geography;
    private final MissionService missions;
    private final InstitutionService institutions;

    Choices(GeographyService geography, MissionService missions, InstitutionService institutions) {
        this.geography = geography;
        this.missions = missions;
        this.institutions = institutions;
    }

    List<CountryView> countries() {
        List<CountryView> all = new ArrayList<>();
        PageResponse<CountryView> page;
        int number = 0;
        do {
            page = geography.countries(
                    null, PageQuery.of(number++, PageQuery.MAX_SIZE, "iso3", Map.of("iso3", "iso3"), "iso3"));
            all.addAll(page.items());
        } while (number < page.totalPages());
        return all;
    }

    /** The missions in the user's scope by acronym (a record can only be kept by one of them). */
    List<MissionSummary> missions() {
        return missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                .items();
    }

    /** The organisation units of a known country, by their place in the hierarchy; none without a country. */
    List<OrgUnitView> orgUnits(@Nullable String countryText) {
        String country = Scoping.countryCode(countryText);
        if (!geography.countryExists(country)) {
            return List.of();
        }
        return geography
                .orgUnits(
                        new OrgUnitFilter(country, null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "path", Map.of("path", "path"), "path"))
                .items();
    }

    /** The institutions the user sees in a known country (or in every country when none is given), by name. */
    List<InstitutionSummary> institutions(@Nullable String countryText) {
        String country = Scoping.countryCode(countryText);
        String known = geography.countryExists(country) ? country : null;
        return institutions
                .list(
                        new InstitutionFilter(null, known, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", InstitutionService.SORTS, "name"))
                .items();
    }
}
