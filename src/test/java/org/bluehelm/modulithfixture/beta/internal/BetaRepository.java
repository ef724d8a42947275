package org.bluehelm.modulithfixture.beta.internal;

public class BetaRepository {}
