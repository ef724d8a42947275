package org.bluehelm.modulithfixture.alpha;

import org.bluehelm.modulithfixture.beta.internal.BetaRepository;

public class AlphaService {
    // reaches into another module's internals: the violation the check must catch
    BetaRepository repository = new BetaRepository();
}
