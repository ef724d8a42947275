package org.bluehelm.context;

import java.util.Locale;
import java.util.Set;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The country and mission every record of this module belongs to: checked, and within the user's scope. */
@Component
class ContextScope {

    private final GeographyService geography;
    private final MissionService missions;

    ContextScope(GeographyService geography, MissionService missions) {
        this.geography = geography;
        this.missions = missions;
    }

    /** The country code normalised, with problems added for an unknown country or a mission not hosted there. */
    @Nullable
    String check(Validation v, @Nullable String countryCode, @Nullable Long missionId) {
        String country = countryCode == null || countryCode.isBlank()
                ? null
                : countryCode.strip().toUpperCase(Locale.ROOT);
        if (country == null && missionId != null) {
            Set<String> hosts = missions.hostCountries(Set.of(missionId));
            if (hosts.size() == 1) {
                country = hosts.iterator().next();
            }
        }
        v.required("countryCode", country);
        if (country != null && !geography.countryExists(country)) {
            v.coded("countryCode", "is not a known country code: " + country, "context.validation.country", country);
        }
        if (missionId != null) {
            if (!missions.exists(missionId)) {
                v.coded("missionId", "is not a known mission", "context.validation.mission");
            } else if (country != null
                    && !missions.hostCountries(Set.of(missionId)).contains(country)) {
                v.coded(
                        "missionId",
                        "is not a mission hosted in " + country,
                        "context.validation.missionCountry",
                        country);
            }
        }
        return country;
    }

    static void requireWritable(@Nullable Long missionId, String countryCode) {
        if (!AccessScope.current().canRead(missionId, countryCode)) {
            throw new ForbiddenException("Your scope does not cover "
                    + (missionId == null ? countryCode : "mission " + missionId + " in " + countryCode));
        }
    }
}
