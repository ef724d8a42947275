package org.bluehelm.complaint;

import static org.bluehelm.complaint.ComplaintState.ASSIGNED;
import static org.bluehelm.complaint.ComplaintState.CLOSED;
import static org.bluehelm.complaint.ComplaintState.RECEIVED;
import static org.bluehelm.complaint.ComplaintState.REFERRED;
import static org.bluehelm.complaint.ComplaintState.TRIAGED;
import static org.bluehelm.complaint.ComplaintState.UNDER_INVESTIGATION;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluehelm.shared.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The one place that says which step a case may take: RECEIVED -> TRIAGED -> ASSIGNED (again, to
 * reassign) -> UNDER_INVESTIGATION -> REFERRED -> CLOSED. A case is closed WITHDRAWN from any open
 * state; with another outcome only from UNDER_INVESTIGATION or REFERRED; REFERRED as outcome needs
 * a referral. A referral's result may be recorded once the case has a referral, even when closed.
 */
final class CaseWorkflow {

    private static final Map<ComplaintState, Set<ComplaintState>> NEXT = Map.of(
            RECEIVED, EnumSet.of(TRIAGED, CLOSED),
            TRIAGED, EnumSet.of(ASSIGNED, CLOSED),
            ASSIGNED, EnumSet.of(ASSIGNED, UNDER_INVESTIGATION, CLOSED),
            UNDER_INVESTIGATION, EnumSet.of(REFERRED, CLOSED),
            REFERRED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(ComplaintState.class));

    private CaseWorkflow() {}

    /** The states a case in {@code from} may move to (closing may still be refused for its outcome). */
    static Set<ComplaintState> next(ComplaintState from) {
        return NEXT.get(from);
    }

    /**
     * The problems with moving a case from {@code from} to {@code to} with what the step carries;
     * empty when the step is allowed.
     */
    static List<FieldProblem> check(
            ComplaintState from,
            @Nullable ComplaintState to,
            @Nullable Long bodyId,
            @Nullable String handler,
            @Nullable Referral referral,
            @Nullable Referral caseReferral,
            @Nullable CaseOutcome outcome) {
        List<FieldProblem> problems = new ArrayList<>();
        if (to == null) {
            problems.add(problem("state", "is required", "complaint.error.required"));
            return problems;
        }
        if (!NEXT.get(from).contains(to)) {
            problems.add(new FieldProblem(
                    "state",
                    "a case cannot move from " + from + " to " + to,
                    "complaint.error.transition",
                    List.of(from.name(), to.name())));
            return problems;
        }
        if (to == ASSIGNED) {
            if (bodyId == null) {
                problems.add(problem("oversightBodyId", "is required to assign a case", "complaint.error.required"));
            }
            if (handler == null) {
                problems.add(problem("handler", "is required to assign a case", "complaint.error.required"));
            }
        }
        if (to == REFERRED && referral == null) {
            problems.add(problem("referral", "is required to refer a case", "complaint.error.required"));
        }
        if (to == CLOSED) {
            if (outcome == null) {
                problems.add(problem("outcome", "is required to close a case", "complaint.error.required"));
            } else if (outcome != CaseOutcome.WITHDRAWN && from != UNDER_INVESTIGATION && from != REFERRED) {
                problems.add(problem(
                        "outcome",
                        "a case is closed " + outcome + " only once investigated; before that only WITHDRAWN",
                        "complaint.error.outcomeTooEarly"));
            } else if (outcome == CaseOutcome.REFERRED && caseReferral == null && referral == null) {
                problems.add(problem("referral", "is required for the outcome REFERRED", "complaint.error.required"));
            }
        }
        return problems;
    }

    /** Whether a referral result may be recorded for a case with this referral. */
    static boolean mayRecordReferralResult(@Nullable Referral caseReferral) {
        return caseReferral != null;
    }

    private static FieldProblem problem(String field, String message, String code) {
        return new FieldProblem(field, message, code, List.of());
    }
}
