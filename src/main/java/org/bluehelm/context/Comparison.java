package org.bluehelm.context;

import java.math.BigDecimal;

/** Which side of a trigger's threshold raises the risk: strictly above, or strictly below. */
public enum Comparison {
    ABOVE,
    BELOW;

    boolean crossed(BigDecimal value, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return this == ABOVE ? c > 0 : c < 0;
    }
}
