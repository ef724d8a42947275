package org.bluehelm.complaint;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the closed cases whose retention ({@link RetentionProperties}) has run out since they were
 * closed: the case row and, through {@code on delete cascade}, everything hanging from it (files,
 * messages, transitions, identity reveals and any other row keyed by the case). For each case, in one
 * transaction, {@link CaseDeleted} is published (before the row goes, so that a module holding a
 * reference drops it in the same transaction) and one audit entry is written (DELETE, record
 * "complaint", its id; the summary says only why and the category). The accountability indicator
 * values are then republished, so that the derived aggregates no longer count the deleted cases.
 * Runs every day ({@code bluehelm.complaint.purge-cron}) and from {@code complaints purge}.
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AccountabilityIndicatorPublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RetentionService(
            JdbcClient jdbc,
            RetentionProperties properties,
            AuditLog audit,
            ApplicationEventPublisher events,
            AccountabilityIndicatorPublisher publisher,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = Clock.systemUTC();
    }

    /** What a purge deleted (or, in a dry run, would delete): how many cases of each category. */
    public record Purge(boolean dryRun, Map<String, Integer> byCategory) {

        public int total() {
            return byCategory.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @Scheduled(cron = "${bluehelm.complaint.purge-cron:0 45 2 * * *}")
    void daily() {
        Purge purge = purge(false);
        if (purge.total() > 0) {
            log.info("Deleted {} cases at the end of their retention period", purge.total());
        }
    }

    /** Deletes the expired closed cases, or with {@code dryRun} only counts them. */
    public Purge purge(boolean dryRun) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        record Closed(long id, ComplaintCategory category, OffsetDateTime closedAt) {}
        List<Closed> closed = jdbc.sql("""
                        select id, category, closed_at from complaint
                        where state = 'CLOSED' and closed_at is not null order by id""")
                .query((rs, n) -> new Closed(
                        rs.getLong(1),
                        ComplaintCategory.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class)))
                .list();
        List<Closed> expired = new ArrayList<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        for (Closed c : closed) {
            if (!c.closedAt().plus(properties.retentionOf(c.category())).isAfter(now)) {
                expired.add(c);
                byCategory.merge(c.category().name(), 1, Integer::sum);
            }
        }
        if (dryRun || expired.isEmpty()) {
            return new Purge(dryRun, byCategory);
        }
        for (Closed c : expired) {
            transaction.executeWithoutResult(status -> delete(c.id(), c.category()));
        }
        publisher.republish();
        return new Purge(false, byCategory);
    }

    private void delete(long id, ComplaintCategory category) {
        events.publishEvent(new CaseDeleted(id));
        int deleted = jdbc.sql("delete from complaint where id = :id and state = 'CLOSED'")
                .param("id", id)
                .update();
        if (deleted == 1) {
            audit.record(
                    AuditAction.DELETE,
                    "complaint",
                    String.valueOf(id),
                    Map.of("reason", "retention period ended", "category", category.name()));
        }
    }
}
