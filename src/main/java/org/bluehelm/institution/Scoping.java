package org.bluehelm.institution;

import java.util.Locale;
import java.util.Set;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * The scope rule shared by institutions and oversight bodies: a record belongs to a country and
 * optionally to one mission hosted there. Reading and writing need the same scope (roles are
 * checked at the door); a record the user cannot read is reported as missing, so its existence
 * stays secret.
 */
final class Scoping {

    private Scoping() {}

    static boolean readable(@Nullable Long missionId, String countryCode) {
        return AccessScope.current().canRead(missionId, countryCode);
    }

    /** Refuses to write a record into a country or mission that the user's scope does not cover. */
    static void requireWritable(@Nullable Long missionId, String countryCode) {
        if (!readable(missionId, countryCode)) {
            throw new ForbiddenException(
                    missionId == null
                            ? "Your scope does not cover " + countryCode
                            : "Your scope does not cover mission " + missionId + " in " + countryCode);
        }
    }

    static @Nullable String countryCode(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * Checks the country (required, known) and the optional mission (existing, hosted by that
     * country) that together scope a record.
     */
    static void checkCountryAndMission(
            Validation v,
            GeographyService geography,
            MissionService missions,
            @Nullable String countryCode,
            @Nullable Long missionId) {
        v.required("countryCode", countryCode);
        if (countryCode != null && !geography.countryExists(countryCode)) {
            v.coded(
                    "countryCode",
                    "'" + countryCode + "' is not a known ISO 3166 alpha-3 country code",
                    "institution.validation.unknownCountry",
                    countryCode);
        }
        if (missionId != null) {
            if (!missions.exists(missionId)) {
                v.coded(
                        "missionId",
                        "mission " + missionId + " does not exist",
                        "institution.validation.missionNotFound");
            } else if (countryCode != null
                    && !v.hasProblem("countryCode")
                    && !missions.hostCountries(Set.of(missionId)).contains(countryCode)) {
                v.coded(
                        "missionId",
                        "mission " + missionId + " is not hosted by " + countryCode,
                        "institution.validation.missionNotHosted",
                        countryCode);
            }
        }
    }
}
