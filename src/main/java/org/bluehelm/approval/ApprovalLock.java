package org.bluehelm.approval;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.measurement.DataLock;
import org.bluehelm.programme.ProgrammeIndicators;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.shared.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Approved data is locked: a value is locked when its indicator belongs to (the results chain of)
 * a programme approved for the value's unit or a unit above it, for a period containing the value's
 * period. Holds for every user, whatever their scope. {@link #forMany} caches the approvals per
 * period, the programmes' indicators and the units' paths for one batch or import.
 */
@Component
class ApprovalLock implements DataLock {

    private final JdbcClient jdbc;
    private final ProgrammeService programmes;
    private final GeographyService geography;

    ApprovalLock(JdbcClient jdbc, ProgrammeService programmes, GeographyService geography) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.geography = geography;
    }

    @Override
    public Optional<String> lockReason(long indicatorId, long orgUnitId, Period period) {
        return new Checks().lockReason(indicatorId, orgUnitId, period);
    }

    @Override
    public DataLock forMany() {
        return new Checks();
    }

    private record Approved(long programmeId, long orgUnitId, String periodId, LocalDate start, LocalDate end) {}

    /** Lock checks that remember what they looked up. */
    private final class Checks implements DataLock {

        private final Map<String, List<Approved>> byPeriod = new HashMap<>();
        private final Map<Long, Optional<ProgrammeIndicators>> programmeIndicators = new HashMap<>();
        private final Map<Long, String> paths = new HashMap<>();

        @Override
        public Optional<String> lockReason(long indicatorId, long orgUnitId, Period period) {
            List<Approved> approved = byPeriod.computeIfAbsent(period.id(), k -> approvedContaining(period));
            if (approved.isEmpty()) {
                return Optional.empty();
            }
            String path = null;
            for (Approved a : approved) {
                Optional<ProgrammeIndicators> programme =
                        programmeIndicators.computeIfAbsent(a.programmeId(), programmes::findIndicatorsIgnoringScope);
                if (programme.isEmpty() || !programme.get().indicatorIds().contains(indicatorId)) {
                    continue;
                }
                if (path == null) {
                    path = paths.computeIfAbsent(orgUnitId, this::path);
                }
                if (a.orgUnitId() == orgUnitId || path.contains("/" + a.orgUnitId() + "/")) {
                    return Optional.of(
                            "the data of programme " + programme.get().code() + " for organisation unit "
                                    + unitCode(a.orgUnitId()) + " and period " + a.periodId()
                                    + " is approved; un-approve it to change these values");
                }
            }
            return Optional.empty();
        }

        private List<Approved> approvedContaining(Period period) {
            return jdbc.sql("""
                            select programme_id, org_unit_id, period_id, start_date, end_date from approval
                             where state = 'APPROVED' and start_date <= :start and end_date >= :end""")
                    .param("start", period.startDate())
                    .param("end", period.endDate())
                    .query((rs, n) -> new Approved(
                            rs.getLong("programme_id"),
                            rs.getLong("org_unit_id"),
                            rs.getString("period_id"),
                            rs.getObject("start_date", LocalDate.class),
                            rs.getObject("end_date", LocalDate.class)))
                    .list();
        }

        private String path(long orgUnitId) {
            return geography.findOrgUnit(orgUnitId).map(OrgUnitView::path).orElse("");
        }

        private String unitCode(long orgUnitId) {
            return geography.findOrgUnit(orgUnitId).map(OrgUnitView::code).orElse(String.valueOf(orgUnitId));
        }
    }
}
