package org.bluehelm.hrddp;

import java.util.function.Supplier;
import org.bluehelm.complaint.CaseDeleted;
import org.bluehelm.complaint.CaseSubstantiated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reacts to the complaint module's case events once the case's transaction has committed, in a
 * transaction of its own and as background work (every support, whoever closed the case): a
 * substantiated grave case raises flags, a case deleted under retention leaves its flags without
 * their case number. A failure here is logged; it cannot undo the case's change.
 */
@Component
class CaseFlags {

    private static final Logger log = LoggerFactory.getLogger(CaseFlags.class);

    private final HrddpService hrddp;
    private final TransactionTemplate ownTransaction;

    CaseFlags(HrddpService hrddp, PlatformTransactionManager transactions) {
        this.hrddp = hrddp;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseSubstantiated event) {
        try {
            asBackgroundWork(() -> ownTransaction.execute(s -> hrddp.raiseFlags(event)));
        } catch (RuntimeException e) {
            log.error("Could not raise HRDDP flags for case {}", event.caseId(), e);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseDeleted event) {
        try {
            asBackgroundWork(() -> ownTransaction.execute(s -> hrddp.forgetCase(event.caseId())));
        } catch (RuntimeException e) {
            log.error("Could not drop deleted case {} from HRDDP flags", event.caseId(), e);
        }
    }

    private static <T> T asBackgroundWork(Supplier<T> work) {
        SecurityContext saved = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(saved);
        }
    }
}
