package org.bluehelm.mission;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Personnel of a mission in one host country and year, from one source, with its citation. */
public record DeploymentView(
        @Nullable String missionAcronym,
        String countryCode,
        int year,
        DeploymentSource source,
        @Nullable BigDecimal troops,
        @Nullable BigDecimal police,
        @Nullable BigDecimal observers,
        @Nullable Integer policeUnits,
        @Nullable Integer observerTeams,
        @Nullable Integer sites,
        @Nullable Integer months,
        String citation) {}
