/**
 * The home dashboard: what the signed-in user sees first, drawn from the other modules' public
 * services (missions in scope now; programmes, latest data and what needs attention as they come).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "mission", "programme", "measurement", "geography", "alert"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.dashboard;
