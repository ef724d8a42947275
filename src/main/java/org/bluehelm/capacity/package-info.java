/**
 * Capacity building: the course catalogue (competency area, curriculum, duration, target institution
 * and rank levels), training events and their rosters drawn from a personnel registry whose service
 * numbers and names are encrypted and matched by keyed hashes, rosters imported from CSV or XLSX,
 * mentoring engagements with progress ratings and technical-assistance deliverables with milestones.
 * Its measures (coverage of an institution's strength, knowledge gain, national trainers, continuity,
 * retention) are fed to the indicator engine as CAPACITY and OWNERSHIP indicators, and training
 * coverage is set against an outcome indicator, as association, not proof. Records are scoped by the
 * mission and country of their institution.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "institution",
            "audit",
            "web",
            "complaint",
            "indicator",
            "measurement",
            "geography"
        })
@org.jspecify.annotations.NullMarked
package org.bluehelm.capacity;
