/**
 * Benchmarks run from the command line ({@code java -jar bluehelm.jar bench analytics}): generate a
 * realistic dataset into a fresh database, load it, and measure the analytics read side against a
 * plain GROUP BY baseline. Measurements only, never assertions; results go to docs/benchmarks.md.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "cli",
            "dataexchange",
            "analytics",
            "measurement",
            "indicator",
            "shared",
            "evidence",
            "actor",
            "programme",
            "report"
        })
@org.jspecify.annotations.NullMarked
package org.bluehelm.bench;
