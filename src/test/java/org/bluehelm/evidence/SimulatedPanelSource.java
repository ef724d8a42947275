package org.bluehelm.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * A panel source for the tests only: a simulated panel of 12 units over 2000-2015 with a known
 * effect of 2.0 on unit U01 from 2010 ({@code start} holds each treated unit's first treated
 * year). Simulated, so never part of the product.
 */
@Component
class SimulatedPanelSource implements PanelSource {

    static final String ID = "test-simulated";

    private final String csv = simulate();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Simulated panel (tests)";
    }

    @Override
    public String unitColumn() {
        return "unit";
    }

    @Override
    public String timeColumn() {
        return "year";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("y", "Outcome", "Simulated outcome, Bluehelm test suite"),
                new Column("x", "Covariate", "Simulated covariate, Bluehelm test suite"),
                new Column("region", "Region", "Simulated region, Bluehelm test suite"),
                new Column("start", "Treatment start", "Simulated treatment start, Bluehelm test suite"));
    }

    @Override
    public String csv() {
        return csv;
    }

    /** {@code y = unit effect + 0.3 * t + 0.5 * x + 2.0 * treated + noise}. */
    static String simulate() {
        Random random = new Random(20260601L);
        StringBuilder b = new StringBuilder("unit,year,y,x,region,start\n");
        for (int u = 1; u <= 12; u++) {
            // the treated unit U01 sits in the middle of the donors, so a convex combination fits it
            double draw = random.nextGaussian() * 2;
            double unitEffect = u == 1 ? 0 : draw;
            boolean treated = u == 1 || u == 5;
            int start = u == 1 ? 2010 : 2008;
            for (int year = 2000; year <= 2015; year++) {
                double x = random.nextGaussian();
                double y = unitEffect + 0.3 * (year - 2000) + 0.5 * x + random.nextGaussian() * 0.2;
                if (treated && year >= start) {
                    y += 2.0;
                }
                b.append(String.format(
                        Locale.ROOT,
                        "U%02d,%d,%.4f,%.4f,%s,%s%n",
                        u,
                        year,
                        y,
                        x,
                        u % 2 == 0 ? "north" : "south",
                        treated ? String.valueOf(start) : ""));
            }
        }
        return b.toString();
    }
}
