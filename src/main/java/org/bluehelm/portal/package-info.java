/**
 * The public transparency portal: pages under {@code /public} and a read-only JSON API under
 * {@code /api/public/v1}, for anyone without signing in, in English and French. Per country and
 * mission it shows only values of indicators released for the public whose data is approved (asked
 * of the approval module), with small cells (under an indicator's threshold, else under 5 for
 * any count) always suppressed whoever asks, and the mission facts (mandate, deployments with their sources) and the evidence case comparison
 * of a country on the shipped outcome series. Every
 * table downloads as CSV and JSON with its licence and how to cite it. Pages and downloads are
 * cacheable (Cache-Control public, ETag and 304) and need no script. The portal writes nothing.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "approval",
            "mission",
            "geography",
            "outcome",
            "indicator",
            "ssrindex",
            "complaint"
        })
@org.jspecify.annotations.NullMarked
package org.bluehelm.portal;
