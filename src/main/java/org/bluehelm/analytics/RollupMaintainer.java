package org.bluehelm.analytics;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitMoved;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.measurement.DataValuesChanged;
import org.bluehelm.measurement.DataValuesImported;
import org.bluehelm.measurement.IndicatorValuesDeleted;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rollups in step with the data values: listens synchronously to what measurement and
 * geography publish inside their writing transactions, so that a rollup change commits (or rolls
 * back) with the change that caused it, and a value is in the aggregates as soon as it is
 * committed. Also rebuilds everything from scratch.
 */
@Component
class RollupMaintainer {

    private static final Logger log = LoggerFactory.getLogger(RollupMaintainer.class);

    private final RollupStore store;
    private final CellCache cache;
    private final GeographyService geography;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RollupMaintainer(
            RollupStore store,
            CellCache cache,
            GeographyService geography,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.store = store;
        this.cache = cache;
        this.geography = geography;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @EventListener
    void on(DataValuesChanged event) {
        Set<Long> units = new LinkedHashSet<>();
        Set<String> periods = new LinkedHashSet<>();
        event.changes().forEach(c -> {
            units.add(c.orgUnitId());
            periods.add(c.periodId());
        });
        addUnknownUnits(units);
        store.ensurePeriods(periods);
        List<Long> indicators = event.changes().stream()
                .map(DataValuesChanged.Change::indicatorId)
                .distinct()
                .toList();
        cache.changing(indicators);
        store.apply(event.changes());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.changing(indicators); // no transaction to wait for: the rows are written now
        }
    }

    /** The values of an import, added to the rollups set-based from the rows measurement staged. */
    @EventListener
    void on(DataValuesImported event) {
        List<Long> units = event.orgUnitIds();
        if (addUnknownUnits(units) >= 1000) {
            store.analyzeHierarchy();
        }
        store.ensurePeriods(event.periodIds());
        cache.changing(event.indicatorIds());
        store.applyStaged(event.batchId(), units);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.changing(event.indicatorIds());
        }
    }

    /**
     * Adds the units the hierarchy copy lacks (units that get their first values), their paths
     * read with one query per thousand; returns how many there were.
     */
    private int addUnknownUnits(java.util.Collection<Long> units) {
        Set<Long> unknown = store.unknownUnits(units);
        if (unknown.isEmpty()) {
            return 0;
        }
        Map<Long, OrgUnitView> found = geography.findOrgUnits(unknown);
        Map<Long, String> paths = new HashMap<>();
        for (Long id : unknown) {
            OrgUnitView unit = found.get(id);
            if (unit == null) {
                throw new org.bluehelm.shared.NotFoundException("Organisation unit", id);
            }
            paths.put(id, unit.path());
        }
        store.addUnits(paths);
        return unknown.size();
    }

    @EventListener
    void on(IndicatorValuesDeleted event) {
        cache.changing(List.of(event.indicatorId()));
        store.deleteIndicator(event.indicatorId());
    }

    @EventListener
    void on(OrgUnitMoved event) {
        cache.changingAll();
        store.moveUnit(event.orgUnitId(), event.oldPath(), event.newPath());
    }

    /**
     * Builds the rollups at start-up when there are data values but no rollups (e.g. after an
     * upgrade), and rebuilds them when they were kept for other levels than the configured ones.
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildWhenMissing() {
        boolean values = jdbc.sql("select count(*) from (select 1 from data_value limit 1) x")
                        .query(Long.class)
                        .single()
                > 0;
        boolean rollups = jdbc.sql("select count(*) from (select 1 from analytics_period_map limit 1) x")
                        .query(Long.class)
                        .single()
                > 0;
        if (!values) {
            return;
        }
        if (!rollups) {
            log.info("Building the analytics rollups from the data values");
        } else if (!store.keptAtConfiguredLevels()) {
            log.info("Rebuilding the analytics rollups for levels 1 to {} (they were kept for others)", store.levels());
        } else {
            return;
        }
        RebuildResult result = transactions.execute(s -> rebuild());
        log.info(
                "Built {} rollup rows in {} ms",
                result == null ? 0 : result.rollupRows(),
                result == null ? 0 : result.millis());
    }

    /** Recomputes every analytics table; runs in the caller's transaction. */
    RebuildResult rebuild() {
        long start = System.nanoTime();
        cache.changingAll();
        store.clear();
        Map<Long, String> paths = new HashMap<>();
        OrgUnitFilter all = new OrgUnitFilter(null, null, null, null, null, null);
        for (int page = 0; ; page++) {
            PageResponse<OrgUnitView> units =
                    geography.orgUnits(all, PageQuery.of(page, PageQuery.MAX_SIZE, "id", Map.of("id", "id"), "id"));
            units.items().forEach(u -> paths.put(u.id(), u.path()));
            if (units.items().size() < PageQuery.MAX_SIZE) {
                break;
            }
        }
        store.addUnits(paths);
        List<String> periods = store.storedPeriods();
        store.ensurePeriods(periods);
        store.analyze(); // the planner needs the sizes of the hierarchy and period tables
        long rows = 0;
        int bottom = Math.min(store.deepestLevel(), store.levels());
        for (long indicator : store.storedIndicators()) {
            for (int level = bottom; level >= 1; level--) {
                rows += store.buildLevel(indicator, level, level == bottom);
            }
        }
        store.analyze();
        return new RebuildResult(rows, paths.size(), periods.size(), (System.nanoTime() - start) / 1_000_000);
    }
}
