package org.bluehelm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bluehelm.geography.CountryView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.mission.MissionView;
import org.bluehelm.programme.ProgrammeFilter;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeSummary;
import org.bluehelm.programme.ProgrammeView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.springframework.stereotype.Component;

/**
 * Resolves what a report may cover for the current user: a programme in their scope, a mission
 * their scope covers (assigned to it or to one of its host countries), or a country they are
 * assigned to (a user scoped to a mission only does not get the whole country's report, which would
 * gather other missions' programmes). Anything else is not found, as any record outside scope.
 */
@Component
class ReportSubjects {

    /** The most programmes a mission or country report covers, and the most choices listed. */
    static final int MAX_PROGRAMMES = PageQuery.MAX_SIZE;

    private final ProgrammeService programmes;
    private final MissionService missions;
    private final GeographyService geography;

    ReportSubjects(ProgrammeService programmes, MissionService missions, GeographyService geography) {
        this.programmes = programmes;
        this.missions = missions;
        this.geography = geography;
    }

    /** The subject, if the current user may have a report of it; else not found. */
    ReportSubject resolve(ReportSubject.Kind kind, String id) {
        return switch (kind) {
            case PROGRAMME -> programme(parseId("programme", id));
            case MISSION -> mission(parseId("mission", id));
            case COUNTRY -> country(id);
        };
    }

    private ReportSubject programme(long id) {
        // view, not get: a schedule of a programme since deleted is skipped without spoiling the transaction
        ProgrammeView p = programmes.view(id).orElseThrow(() -> new NotFoundException("programme", id));
        return new ReportSubject(
                ReportSubject.Kind.PROGRAMME,
                String.valueOf(p.id()),
                p.code(),
                p.name(),
                p.countryCode(),
                p.missionId(),
                List.of(p.countryCode()),
                List.of(new ReportSubject.Programme(p.id(), p.code(), p.name(), p.pillar())));
    }

    private ReportSubject mission(long id) {
        if (!missions.exists(id) || !missions.inScope(id)) {
            throw new NotFoundException("mission", id);
        }
        MissionView m = missions.get(id);
        List<String> hosts = m.hostCountries().stream().sorted().toList();
        if (hosts.isEmpty()) {
            throw new NotFoundException("mission", id);
        }
        return new ReportSubject(
                ReportSubject.Kind.MISSION,
                String.valueOf(id),
                m.acronym(),
                m.name(),
                hosts.get(0),
                id,
                hosts,
                programmesOf(new ProgrammeFilter(null, null, null, id, null, null, null)));
    }

    private ReportSubject country(String code) {
        String iso3 = code.strip().toUpperCase(Locale.ROOT);
        AccessScope scope = AccessScope.current();
        if (!(scope.global() || scope.countryCodes().contains(iso3))) {
            throw new NotFoundException("country", code);
        }
        CountryView country = geography.findCountry(iso3).orElseThrow(() -> new NotFoundException("country", code));
        return new ReportSubject(
                ReportSubject.Kind.COUNTRY,
                iso3,
                iso3,
                country.nameEn(),
                iso3,
                null,
                List.of(iso3),
                programmesOf(new ProgrammeFilter(null, null, null, null, iso3, null, null)));
    }

    private List<ReportSubject.Programme> programmesOf(ProgrammeFilter filter) {
        return programmes.list(filter, new PageQuery(0, MAX_PROGRAMMES, "p.code")).items().stream()
                .map(p -> new ReportSubject.Programme(p.id(), p.code(), p.name(), p.pillar()))
                .toList();
    }

    /** A choice on the report form: {@code PROGRAMME:12}, {@code MISSION:3} or {@code COUNTRY:LBR}, and its label. */
    record Choice(ReportSubject.Kind kind, String id, String label) {
        public String value() {
            return kind.name() + ":" + id;
        }
    }

    /** The subjects the current user may pick, by kind. */
    List<Choice> choices() {
        List<Choice> choices = new ArrayList<>();
        List<ProgrammeSummary> inScope = programmes.summariesForDashboard(MAX_PROGRAMMES);
        inScope.stream()
                .sorted(java.util.Comparator.comparing(ProgrammeSummary::code))
                .forEach(p -> choices.add(
                        new Choice(ReportSubject.Kind.PROGRAMME, String.valueOf(p.id()), p.code() + " · " + p.name())));
        for (MissionSummary m : missions.list(
                        new MissionFilter(null, null, null, null, true), new PageQuery(0, MAX_PROGRAMMES, "m.acronym"))
                .items()) {
            choices.add(new Choice(ReportSubject.Kind.MISSION, String.valueOf(m.id()), m.acronym() + " · " + m.name()));
        }
        AccessScope scope = AccessScope.current();
        Set<String> countries = new TreeSet<>(scope.countryCodes());
        if (scope.global()) {
            inScope.forEach(p -> countries.add(p.countryCode()));
        }
        for (String iso3 : countries) {
            geography
                    .findCountry(iso3)
                    .ifPresent(
                            c -> choices.add(new Choice(ReportSubject.Kind.COUNTRY, iso3, iso3 + " · " + c.nameEn())));
        }
        return choices;
    }

    private static long parseId(String what, String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException(what, id);
        }
    }
}
