/**
 * Progress reports: for a programme, a whole mission or a whole country (its subject) and a period,
 * one document with a cover, a summary, progress against targets per pillar and indicator dimension
 * with charts, the SSR index, capacity-building and accountability figures, open alerts, the
 * sections other modules add through {@link org.bluehelm.report.ReportSection} (risks, lessons) and
 * an annex tracing every figure to its indicator, organisation unit, period and approval state; in
 * English or French, rendered once as HTML and the same HTML turned into a PDF with fonts embedded.
 * Generated on request or on a schedule per subject; each subject keeps its last reports (HTML and
 * PDF bytes in the database) for download. Everything is read through the other modules' public services within the requester's
 * scope, so a report shows only what its requester may see (a scheduled report reads as the system
 * and is listed only to users whose scope covers the subject).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "programme",
            "progress",
            "ssrindex",
            "analytics",
            "indicator",
            "approval",
            "alert",
            "mission",
            "geography",
            "web"
        })
@org.jspecify.annotations.NullMarked
package org.bluehelm.report;
