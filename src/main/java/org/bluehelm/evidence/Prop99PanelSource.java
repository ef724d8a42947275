package org.bluehelm.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The worked example: annual cigarette sales per capita in California and the 38 states of the
 * donor pool of Abadie, Diamond and Hainmueller (2010), 1970-2000, with California's Proposition
 * 99 (in force from 1989). The classic synthetic-control case, to try the estimators on a panel
 * whose published analysis one can compare with. Figures as published (one decimal).
 */
@Component
@Order(100) // after the reference panel
class Prop99PanelSource implements PanelSource {

    static final String ID = "prop99";
    private static final String RESOURCE = "/evidence/prop99.csv";
    private static final String ADH = "Abadie, Diamond and Hainmueller (2010), Synthetic control methods for"
            + " comparative case studies: estimating the effect of California's tobacco control program,"
            + " Journal of the American Statistical Association 105(490): 493-505";

    private final String csv;

    Prop99PanelSource() {
        try (InputStream in = Prop99PanelSource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            this.csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Worked example: California's Proposition 99, cigarette sales by US state 1970-2000";
    }

    @Override
    public String unitColumn() {
        return "state";
    }

    @Override
    public String timeColumn() {
        return "year";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column(
                        "cigsale",
                        "Cigarette sales per capita (packs)",
                        "Orzechowski and Walker (2005), The Tax Burden on Tobacco, Historical Compilation,"
                                + " vol. 40; the panel of " + ADH),
                new Column(
                        "prop99",
                        "First year of Proposition 99 (California only)",
                        "California Proposition 99 (Tobacco Tax and Health Protection Act), passed November 1988,"
                                + " in force January 1989, dated as in " + ADH));
    }

    @Override
    public String csv() {
        return csv;
    }
}
