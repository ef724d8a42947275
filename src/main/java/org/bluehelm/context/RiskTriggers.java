package org.bluehelm.context;

import java.util.List;
import org.bluehelm.measurement.DataValuesChanged;
import org.bluehelm.measurement.DataValuesImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates risk triggers when data values change, as the alert rules are: after the writing
 * transaction has committed (a failing evaluation never rolls back data entry), synchronously on the
 * writer's thread, in a transaction of its own, as background work that sees every risk.
 */
@Component
class RiskTriggers {

    private static final Logger log = LoggerFactory.getLogger(RiskTriggers.class);

    private final RiskService risks;
    private final TransactionTemplate ownTransaction;

    RiskTriggers(RiskService risks, PlatformTransactionManager transactions) {
        this.risks = risks;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(DataValuesChanged event) {
        evaluateAfterCommit(event.changes());
    }

    /** The same for an import: only the values of indicators that a trigger watches are read from it. */
    @EventListener
    void on(DataValuesImported event) {
        java.util.Set<Long> watched = new java.util.HashSet<>(risks.watchedIndicators());
        watched.retainAll(event.indicatorIds());
        List<DataValuesChanged.Change> changes = event.changes(watched);
        if (!changes.isEmpty()) {
            evaluateAfterCommit(changes);
        }
    }

    private void evaluateAfterCommit(List<DataValuesChanged.Change> changes) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evaluate(changes);
                }
            });
        } else {
            evaluate(changes);
        }
    }

    private void evaluate(List<DataValuesChanged.Change> changes) {
        SecurityContext writer = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            List<Long> raised = ownTransaction.execute(s -> risks.evaluate(changes));
            if (raised != null && !raised.isEmpty()) {
                log.info("Risks raised by indicator triggers: {}", raised);
            }
        } catch (RuntimeException e) {
            log.error("Risk trigger evaluation failed for {} changed values", changes.size(), e);
        } finally {
            SecurityContextHolder.setContext(writer);
        }
    }
}
