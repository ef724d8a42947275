package org.bluehelm.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.actor.ActorFilter;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorSummary;
import org.bluehelm.actor.ActorView;
import org.bluehelm.geography.CountryView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorFilter;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorSummary;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionSummary;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the programme form offers to choose from, as the current user may see it: countries (for the
 * country code's suggestion list), missions, actors, and for a country its organisation units and
 * institutions and the indicators a programme there may use. Lists stop at
 * {@link PageQuery#MAX_SIZE}; a record already chosen is always offered, so an edit keeps it.
 */
@Component
class ProgrammeChoices {

    /** Something to tick or select: {@code depth} indents organisation units below their parent. */
    record Choice(long id, String label, int depth) {}

    private final GeographyService geography;
    private final MissionService missions;
    private final ActorService actors;
    private final InstitutionService institutions;
    private final IndicatorService indicators;

    ProgrammeChoices(
            GeographyService geography,
            MissionService missions,
            ActorService actors,
            InstitutionService institutions,
            IndicatorService indicators) {
        this.geography = geography;
        this.missions = missions;
        this.actors = actors;
        this.institutions = institutions;
        this.indicators = indicators;
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

    /** The missions in the user's scope by acronym. */
    List<MissionSummary> missions() {
        return missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                .items();
    }

    /** The actors the user may read, by name, and those already chosen. */
    List<Choice> actors(List<@Nullable Long> chosen) {
        Map<Long, Choice> offered = new LinkedHashMap<>();
        actors.list(
                        new ActorFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "a.name"), "name"))
                .items()
                .forEach(a -> offered.put(a.id(), new Choice(a.id(), actorLabel(a), 0)));
        for (Long id : chosen) {
            if (id != null && !offered.containsKey(id)) {
                offered.put(
                        id,
                        actors.view(id)
                                .map(a -> new Choice(a.id(), actorLabel(a), 0))
                                .orElse(new Choice(id, "#" + id, 0)));
            }
        }
        return new ArrayList<>(offered.values());
    }

    /** The organisation units of a known country in hierarchy order, and those already ticked. */
    List<Choice> orgUnits(@Nullable String country, List<Long> ticked) {
        Map<Long, Choice> offered = new LinkedHashMap<>();
        if (geography.countryExists(country)) {
            List<OrgUnitView> units = geography
                    .orgUnits(
                            new OrgUnitFilter(country, null, null, null, null, null),
                            PageQuery.of(0, PageQuery.MAX_SIZE, "path", Map.of("path", "path"), "path"))
                    .items();
            int top = units.stream().mapToInt(OrgUnitView::level).min().orElse(0);
            units.forEach(u -> offered.put(u.id(), new Choice(u.id(), u.name(), Math.min(u.level() - top, 3))));
        }
        for (Long id : ticked) {
            if (id != null && !offered.containsKey(id)) {
                orgUnit(id).ifPresent(u -> offered.put(id, new Choice(id, u.name() + " · " + u.countryCode(), 0)));
            }
        }
        return new ArrayList<>(offered.values());
    }

    /** The institutions the user sees in a known country, by name, and those already ticked. */
    List<Choice> institutions(@Nullable String country, List<Long> ticked) {
        Map<Long, Choice> offered = new LinkedHashMap<>();
        if (geography.countryExists(country)) {
            institutions
                    .list(
                            new InstitutionFilter(null, country, null, null, null),
                            PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                    .items()
                    .forEach(i -> offered.put(i.id(), new Choice(i.id(), institutionLabel(i), 0)));
        }
        for (Long id : ticked) {
            if (id != null && !offered.containsKey(id)) {
                institutions
                        .view(id)
                        .ifPresent(
                                i -> offered.put(id, new Choice(id, institutionLabel(i) + " · " + i.countryCode(), 0)));
            }
        }
        return new ArrayList<>(offered.values());
    }

    /**
     * The indicators a programme of this country and mission may use: the shared library, those of
     * the country without a mission, and those of the mission in that country; every readable one
     * when the country is not known yet.
     */
    List<IndicatorSummary> indicators(@Nullable String country, @Nullable Long missionId) {
        boolean known = geography.countryExists(country);
        return indicators
                .list(
                        new IndicatorFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "code", Map.of("code", "i.code"), "code"))
                .items()
                .stream()
                .filter(i -> !known
                        || (i.missionId() == null && i.countryCode() == null)
                        || (Objects.equals(i.countryCode(), country)
                                && (i.missionId() == null || i.missionId().equals(missionId))))
                .toList();
    }

    /** The id of the indicator with this code, when the user may read it. */
    @Nullable
    Long indicatorId(String code) {
        try {
            return indicators.getByCode(code).id();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Whether a known country has organisation units or institutions to offer. */
    boolean hasChoices(@Nullable String country) {
        return geography.countryExists(country)
                && (!orgUnits(country, List.of()).isEmpty()
                        || !institutions(country, List.of()).isEmpty());
    }

    java.util.Optional<OrgUnitView> orgUnit(long id) {
        try {
            return java.util.Optional.of(geography.orgUnit(id));
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    static @Nullable String countryCode(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    private static String actorLabel(ActorSummary a) {
        return label(a.name(), a.acronym(), a.countryCode());
    }

    private static String actorLabel(ActorView a) {
        return label(a.name(), a.acronym(), a.countryCode());
    }

    private static String institutionLabel(InstitutionSummary i) {
        return i.acronym() == null ? i.name() : i.name() + " (" + i.acronym() + ")";
    }

    private static String institutionLabel(InstitutionView i) {
        return i.acronym() == null ? i.name() : i.name() + " (" + i.acronym() + ")";
    }

    private static String label(String name, @Nullable String acronym, @Nullable String country) {
        return (acronym == null ? name : name + " (" + acronym + ")") + (country == null ? "" : " · " + country);
    }
}
