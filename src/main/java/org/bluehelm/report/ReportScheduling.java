package org.bluehelm.report;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the report schedules ({@code bluehelm.report.schedule-cron}, every day at 02:30 by default):
 * each schedule's report of the last period that is over is generated once.
 */
@Component
class ReportScheduling {

    private final ReportService reports;

    ReportScheduling(ReportService reports) {
        this.reports = reports;
    }

    @Scheduled(cron = "${bluehelm.report.schedule-cron:0 30 2 * * *}")
    void run() {
        reports.runSchedules();
    }
}
