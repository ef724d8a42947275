package org.bluehelm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(BluehelmApplication.class).verify();
    }

    @Test
    void theCheckCatchesAModuleReachingIntoAnothersInternals() {
        assertThatThrownBy(() -> ApplicationModules.of("org.bluehelm.modulithfixture", location -> true)
                        .verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("BetaRepository");
    }
}
