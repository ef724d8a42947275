package org.bluehelm.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * What a report covers: one programme, a whole mission or a whole country. {@code id} is the
 * programme's or mission's id, or the country's ISO code; {@code code} and {@code name} are shown on
 * the cover. {@code countryCode} and {@code missionId} decide who may list the report (a mission
 * report carries its mission and first host country; a country report no mission), {@code
 * countryCodes} are all the countries it covers (a mission's host countries), and {@code
 * programmes} are those of the subject the requester may see, each with its pillar.
 */
public record ReportSubject(
        Kind kind,
        String id,
        String code,
        String name,
        String countryCode,
        @Nullable Long missionId,
        List<String> countryCodes,
        List<Programme> programmes) {

    public ReportSubject {
        countryCodes = List.copyOf(countryCodes);
        programmes = List.copyOf(programmes);
    }

    /** The kinds of subject. */
    public enum Kind {
        PROGRAMME,
        MISSION,
        COUNTRY;

        /** {@code programme}, {@code mission} or {@code country}, as in paths. */
        public String path() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A programme the report covers. */
    public record Programme(long id, String code, String name, Pillar pillar) {}

    /** The pillars of the subject's programmes, in the order the programmes come. */
    public Set<Pillar> pillars() {
        Set<Pillar> pillars = new LinkedHashSet<>();
        programmes.forEach(p -> pillars.add(p.pillar()));
        return pillars;
    }

    /** The programme's id for a programme report, else null. */
    public @Nullable Long programmeId() {
        return kind == Kind.PROGRAMME ? Long.valueOf(id) : null;
    }
}
