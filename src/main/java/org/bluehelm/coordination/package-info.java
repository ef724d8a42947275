/**
 * Coordination of the actors of security sector reform: who does what where (3W/4W). Each activity
 * names an actor and its role (lead, co-lead, implementing, funding), the pillar, the kind of
 * support, the institution and the area supported, the period, status and budget, optionally inside
 * a programme. From these the module finds overlaps (several actors giving the same kind of support
 * to the same institution in the same place over overlapping periods) and gaps (recorded needs that
 * no current activity answers), draws the pillar x region and actor x institution matrices, and
 * exchanges activities as HXL-tagged CSV and IATI activity XML. Activities are scoped by mission and
 * country like every other record.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "actor",
            "programme",
            "progress",
            "capacity",
            "institution",
            "geography",
            "mission",
            "indicator",
            "measurement",
            "identity",
            "audit",
            "web"
        })
@org.jspecify.annotations.NullMarked
package org.bluehelm.coordination;
