package org.bluehelm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.complaint.ComplaintState.ASSIGNED;
import static org.bluehelm.complaint.ComplaintState.CLOSED;
import static org.bluehelm.complaint.ComplaintState.RECEIVED;
import static org.bluehelm.complaint.ComplaintState.REFERRED;
import static org.bluehelm.complaint.ComplaintState.TRIAGED;
import static org.bluehelm.complaint.ComplaintState.UNDER_INVESTIGATION;

import java.util.List;
import org.bluehelm.shared.FieldProblem;
import org.junit.jupiter.api.Test;

class CaseWorkflowTests {

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void theMainRoadIsAllowedStepByStep() {
        assertThat(CaseWorkflow.check(RECEIVED, TRIAGED, null, null, null, null, null))
                .isEmpty();
        assertThat(CaseWorkflow.check(TRIAGED, ASSIGNED, 1L, "officer", null, null, null))
                .isEmpty();
        assertThat(CaseWorkflow.check(ASSIGNED, UNDER_INVESTIGATION, null, null, null, null, null))
                .isEmpty();
        assertThat(CaseWorkflow.check(UNDER_INVESTIGATION, REFERRED, null, null, Referral.DISCIPLINE, null, null))
                .isEmpty();
        assertThat(CaseWorkflow.check(REFERRED, CLOSED, null, null, null, Referral.DISCIPLINE, CaseOutcome.REFERRED))
                .isEmpty();
        assertThat(CaseWorkflow.check(UNDER_INVESTIGATION, CLOSED, null, null, null, null, CaseOutcome.SUBSTANTIATED))
                .isEmpty();
    }

    @Test
    void skippingAStepOrLeavingAClosedCaseIsRefusedNamingTheState() {
        assertThat(fields(CaseWorkflow.check(RECEIVED, ASSIGNED, 1L, "officer", null, null, null)))
                .containsExactly("state");
        assertThat(fields(CaseWorkflow.check(TRIAGED, UNDER_INVESTIGATION, null, null, null, null, null)))
                .containsExactly("state");
        assertThat(fields(CaseWorkflow.check(CLOSED, RECEIVED, null, null, null, null, null)))
                .containsExactly("state");
        assertThat(CaseWorkflow.next(CLOSED)).isEmpty();
    }

    @Test
    void aCaseIsWithdrawnFromAnyOpenStateButOtherwiseClosedOnlyOnceInvestigated() {
        for (ComplaintState open : List.of(RECEIVED, TRIAGED, ASSIGNED, UNDER_INVESTIGATION, REFERRED)) {
            assertThat(CaseWorkflow.check(open, CLOSED, null, null, null, null, CaseOutcome.WITHDRAWN))
                    .as(open.name())
                    .isEmpty();
        }
        assertThat(fields(CaseWorkflow.check(TRIAGED, CLOSED, null, null, null, null, CaseOutcome.SUBSTANTIATED)))
                .containsExactly("outcome");
        assertThat(fields(CaseWorkflow.check(UNDER_INVESTIGATION, CLOSED, null, null, null, null, null)))
                .containsExactly("outcome");
    }

    @Test
    void stepsNeedWhatTheyCarry() {
        assertThat(fields(CaseWorkflow.check(TRIAGED, ASSIGNED, null, null, null, null, null)))
                .containsExactly("oversightBodyId", "handler");
        assertThat(fields(CaseWorkflow.check(UNDER_INVESTIGATION, REFERRED, null, null, null, null, null)))
                .containsExactly("referral");
        assertThat(fields(
                        CaseWorkflow.check(UNDER_INVESTIGATION, CLOSED, null, null, null, null, CaseOutcome.REFERRED)))
                .containsExactly("referral");
        assertThat(CaseWorkflow.mayRecordReferralResult(null)).isFalse();
        assertThat(CaseWorkflow.mayRecordReferralResult(Referral.PROSECUTION)).isTrue();
    }

    @Test
    void namesAreComparedWithoutAccentsCaseOrExtraSpaces() {
        assertThat(NameHashes.normalise("  Éloïse   N'DIAYE ")).isEqualTo("eloise n diaye");
        assertThat(NameHashes.normalise(" - ")).isNull();
    }

    @Test
    void hashesOfDifferentPurposesCannotBeMatched() {
        NameHashes hashes = new NameHashes(new CryptoConfiguration.Secrets(null, new byte[32]));
        String name = hashes.hash("Amara Kollie");
        String personnel = hashes.hash("personnel-name", "AMARA  kollie");
        assertThat(personnel).isEqualTo(hashes.hash("personnel-name", "Amara Kollie"));
        assertThat(personnel).isNotEqualTo(name);
        assertThat(personnel).isNotEqualTo(hashes.hash("personnel-service-number", "Amara Kollie"));
        assertThat(hashes.hash("personnel-name", " - ")).isNull();
    }
}
