package org.bluehelm.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    SUBMIT,
    WITHDRAW,
    APPROVE,
    UNAPPROVE,
    SIGN_IN,
    SIGN_IN_FAILED,
    REVEAL
}
