package org.bluehelm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessScopeTests {

    // scoped to UNOSOM I (id 1), hosted by Somalia
    private final AccessScope unosomOne = new AccessScope("a", false, Set.of(1L), Set.of(), Set.of("SOM"));
    private final AccessScope liberia = new AccessScope("b", false, Set.of(), Set.of("LBR"), Set.of());

    @Test
    void aMissionScopeSeesItsMissionAndItsHostCountryButNotAnotherMissionThere() {
        assertThat(unosomOne.canRead(1L, "SOM")).isTrue();
        assertThat(unosomOne.canRead(null, "SOM")).isTrue();
        assertThat(unosomOne.canRead(2L, "SOM")).isFalse();
        assertThat(unosomOne.canRead(null, "LBR")).isFalse();
    }

    @Test
    void aCountryScopeSeesEveryRecordOfThatCountry() {
        assertThat(liberia.canRead(7L, "LBR")).isTrue();
        assertThat(liberia.canRead(null, "LBR")).isTrue();
        assertThat(liberia.canRead(7L, "SOM")).isFalse();
    }

    @Test
    void publicRecordsAreSeenByEveryoneAndGlobalSeesAll() {
        assertThat(liberia.canRead(null, null)).isTrue();
        assertThat(AccessScope.SYSTEM.canRead(9L, "SOM")).isTrue();
        assertThat(AccessScope.NONE.canRead(9L, "SOM")).isFalse();
    }

    @Test
    void theSqlFilterUsesOnlyTheGivenColumnsAndParameters() {
        AccessScope.Filter filter = unosomOne.filter("p.mission_id", "p.country_code");
        assertThat(filter.sql()).contains("p.mission_id in (:scopeMissions)").doesNotContain("SOM");
        assertThat(filter.params()).containsEntry("scopeHosts", Set.of("SOM"));
        assertThat(AccessScope.SYSTEM.filter("a", "b").sql()).isEqualTo("1 = 1");
    }
}
