/**
 * The SSR composite index: for an organisation unit (or the unit of an institution) and a period,
 * a score from 0 to 100 per dimension of security sector reform (capacity, accountability,
 * oversight, rights, ownership, coordination), computed from the indicators of the dimension that
 * have a baseline and a target for the unit or the nearest unit above it. Each indicator's
 * aggregated value (from analytics) is placed between its baseline (0) and its target (1), the
 * dimension score is the weighted mean of those places, and the coverage (how many of the
 * applicable indicators had a value) is always given beside the score. Weights are configurable
 * per indicator (1 by default). The method is explained in the app at /ssr-index/method.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "geography", "indicator", "analytics", "institution", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.ssrindex;
