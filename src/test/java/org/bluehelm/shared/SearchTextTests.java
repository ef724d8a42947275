package org.bluehelm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTests {

    @Test
    void aSearchIsFoundAnywhereWhateverItsCaseWithItsWildcardsAsTyped() {
        assertThat(SearchText.containing("  Police ")).isEqualTo("%police%");
        assertThat(SearchText.containing("50%")).isEqualTo("%50\\%%");
        assertThat(SearchText.containing("acc_cases")).isEqualTo("%acc\\_cases%");
        assertThat(SearchText.containing("a\\b")).isEqualTo("%a\\\\b%");
    }

    @Test
    void nothingToSearchForIsNoFilter() {
        assertThat(SearchText.containingOrNull(null)).isNull();
        assertThat(SearchText.containingOrNull("   ")).isNull();
        assertThat(SearchText.containingOrNull("x")).isEqualTo("%x%");
    }
}
