package org.bluehelm.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who sees small cells, and output kept for any reader (stored reports). */
class SmallCellsTests {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "someone", "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    @Test
    void caseOfficersSeeSmallCellsViewersDoNot() {
        signIn("CASE_OFFICER");
        assertThat(SmallCells.visibleToCurrentUser()).isTrue();
        signIn("VIEWER");
        assertThat(SmallCells.visibleToCurrentUser()).isFalse();
    }

    @Test
    void outputKeptForAnyReaderHidesSmallCellsFromAnAdministratorAndFromScheduledWork() {
        signIn("ADMIN");
        assertThat(SmallCells.forAnyReader(SmallCells::visibleToCurrentUser)).isFalse();
        assertThat(SmallCells.visibleToCurrentUser()).isTrue();
        SecurityContextHolder.clearContext();
        assertThat(SmallCells.forAnyReader(() -> SmallCells.forAnyReader(SmallCells::visibleToCurrentUser)))
                .isFalse();
        assertThat(SmallCells.visibleToCurrentUser()).isTrue();
    }

    @Test
    void aValueUnderTheThresholdIsHiddenFromThoseWithoutTheSeeingRoles() {
        assertThat(SmallCells.hides(5, new BigDecimal("4.99"))).isTrue();
        assertThat(SmallCells.hides(5, BigDecimal.valueOf(5))).isFalse();
        assertThat(SmallCells.hides(null, BigDecimal.ONE)).isFalse();
        assertThat(SmallCells.hides(5, null)).isFalse();
        assertThat(SmallCells.visibleTo(List.of("VIEWER", "CASE_OFFICER"))).isTrue();
        assertThat(SmallCells.visibleTo(List.of("VIEWER", "PARTNER", "DATA_STEWARD")))
                .isFalse();
    }

    @Test
    void inPublicOutputsACountWithoutAThresholdOfItsOwnIsSuppressedUnderFive() {
        assertThat(SmallCells.publicThreshold(null, ValueType.INTEGER, Aggregation.SUM))
                .isEqualTo(5);
        assertThat(SmallCells.publicThreshold(10, ValueType.INTEGER, Aggregation.SUM))
                .isEqualTo(10);
        assertThat(SmallCells.publicThreshold(5, ValueType.NUMBER, Aggregation.SUM))
                .isEqualTo(5);
        assertThat(SmallCells.publicThreshold(null, ValueType.NUMBER, Aggregation.SUM))
                .isNull();
        assertThat(SmallCells.publicThreshold(null, ValueType.INTEGER, Aggregation.LAST_VALUE))
                .isNull();
        assertThat(SmallCells.publicThreshold(null, ValueType.PERCENTAGE, Aggregation.RATIO))
                .isNull();
    }
}
