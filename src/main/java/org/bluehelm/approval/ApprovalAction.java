package org.bluehelm.approval;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The steps of approval, who may take them and from which state. Data stewards and partners (the
 * people who enter data) submit and withdraw; mission managers approve and un-approve;
 * administrators may do all four.
 */
public enum ApprovalAction {
    SUBMIT(Set.of(ApprovalState.OPEN), ApprovalState.SUBMITTED, List.of("ADMIN", "DATA_STEWARD", "PARTNER")),
    WITHDRAW(Set.of(ApprovalState.SUBMITTED), ApprovalState.OPEN, List.of("ADMIN", "DATA_STEWARD", "PARTNER")),
    APPROVE(Set.of(ApprovalState.SUBMITTED), ApprovalState.APPROVED, List.of("ADMIN", "MISSION_MANAGER")),
    UNAPPROVE(Set.of(ApprovalState.APPROVED), ApprovalState.SUBMITTED, List.of("ADMIN", "MISSION_MANAGER"));

    private final Set<ApprovalState> from;
    private final ApprovalState to;
    private final List<String> roles;

    ApprovalAction(Set<ApprovalState> from, ApprovalState to, List<String> roles) {
        this.from = from;
        this.to = to;
        this.roles = roles;
    }

    public boolean allowedFrom(ApprovalState state) {
        return from.contains(state);
    }

    public ApprovalState to() {
        return to;
    }

    /** The roles that may take this step. */
    public List<String> roles() {
        return roles;
    }

    /** The lower-case name used in URLs: submit, withdraw, approve, unapprove. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
