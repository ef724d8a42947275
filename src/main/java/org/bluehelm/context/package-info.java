/**
 * Context and risk: a structured context assessment of a country (and mission), before the mission
 * and periodically, scoring seven factors from 1 (most unfavourable to reform) to 5 (most
 * favourable) with the evidence for each, history kept; a risk register (likelihood, impact, owner,
 * mitigation, review date, status) whose triggers watch indicator values, so that a threshold
 * crossed, once the value is committed, raises the risk (TRIGGERED, likelihood up one step) and asks
 * its owner for a strategy review; and the log of strategy revisions with their reasons, linked to
 * the risk or assessment that prompted them (a revision linked to a risk answers its review request).
 * Records are scoped by mission and country like every other record. The open risks of a programme,
 * mission or country, with the triggers fired in the period, make a section of its progress report.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "mission",
            "geography",
            "indicator",
            "measurement",
            "identity",
            "ssrindex",
            "audit",
            "report",
            "web"
        })
@org.jspecify.annotations.NullMarked
package org.bluehelm.context;
