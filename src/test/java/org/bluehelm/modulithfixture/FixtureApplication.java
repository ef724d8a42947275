package org.bluehelm.modulithfixture;

/** A deliberately broken two-module layout: proves that the modularity check can fail. */
class FixtureApplication {}
