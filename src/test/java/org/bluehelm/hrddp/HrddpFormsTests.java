package org.bluehelm.hrddp;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluehelm.complaint.ComplaintCategory;
import org.junit.jupiter.api.Test;

class HrddpFormsTests {

    @Test
    void theGraveCategoriesAreTheFourViolationsHrddpScreensFor() {
        assertThat(GraveCategories.ALL)
                .containsExactlyInAnyOrder(
                        ComplaintCategory.EXCESSIVE_FORCE,
                        ComplaintCategory.SGBV,
                        ComplaintCategory.ARBITRARY_ARREST_DETENTION,
                        ComplaintCategory.TORTURE_ILL_TREATMENT);
        assertThat(GraveCategories.isGrave(ComplaintCategory.CORRUPTION_EXTORTION))
                .isFalse();
        assertThat(GraveCategories.isGrave(ComplaintCategory.DISCRIMINATION)).isFalse();
    }

    @Test
    void peopleResponsibleAreReadFromCommasSemicolonsAndSpaces() {
        SupportForm form = new SupportForm();
        form.setResponsible(" alice, bob;carol  dave ,");
        assertThat(form.command().responsible()).containsExactly("alice", "bob", "carol", "dave");
    }

    @Test
    void blankMitigationRowsAreLeftOutAndAStatusDefaultsToOpen() {
        AssessmentForm form = AssessmentForm.of(null);
        assertThat(form.getMitigations()).hasSize(AssessmentForm.ROWS);
        form.getMitigations().get(1).setText("Vet commanders");
        form.getMitigations().get(3).setText("  ");
        assertThat(form.command().mitigations())
                .containsExactly(new AssessmentCommand.Mitigation("Vet commanders", MitigationStatus.OPEN));
    }

    @Test
    void onlyTheDecisionsToProceedAllowSupport() {
        assertThat(Decision.PROCEED.allowsSupport()).isTrue();
        assertThat(Decision.PROCEED_WITH_MITIGATION.allowsSupport()).isTrue();
        assertThat(Decision.DO_NOT_PROCEED.allowsSupport()).isFalse();
        assertThat(Decision.SUSPEND.allowsSupport()).isFalse();
    }
}
