/**
 * SSR programmes and their results chain: what a programme aims at (code, name, pillar,
 * objectives), where and with whom it works (its country and optional mission, the lead actor and
 * partners by role, the organisation units it covers and the security institutions it supports),
 * its budget, dates and status, and the outcomes and outputs it promises with the indicators that
 * measure each. A programme belongs to its country and mission, and reads and writes follow the
 * user's {@link org.bluehelm.shared.AccessScope}. Its screens show each indicator of the chain over
 * time in the programme's locations, against baseline and target, as a table and a chart.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "geography",
            "mission",
            "actor",
            "institution",
            "indicator",
            "measurement",
            "web"
        })
@org.jspecify.annotations.NullMarked
package org.bluehelm.programme;
