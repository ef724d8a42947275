/**
 * Dashboards: the home page (what the signed-in user sees first, drawn from the other modules'
 * public services), and saved dashboards that a user arranges from items (a time series, bars by
 * organisation unit, a pivot table, the SSR index over periods, progress against targets: each an analytics query or index series drawn as a chart beside its table, and
 * downloadable as CSV or XLSX) and may share with the users whose scope covers a mission or
 * country. Only the owner (or an administrator) changes a dashboard; every item is computed with the
 * viewer's own scope, so a shared dashboard never shows anyone data they may not see. Each kind of
 * item is one {@link org.bluehelm.dashboard.ItemKind} drawn by one {@code ItemRenderer}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "mission",
            "programme",
            "measurement",
            "geography",
            "analytics",
            "indicator",
            "ssrindex",
            "progress",
            "alert",
            "web"
        })
@org.jspecify.annotations.NullMarked
package org.bluehelm.dashboard;
