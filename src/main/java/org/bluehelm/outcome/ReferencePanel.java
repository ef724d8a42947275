package org.bluehelm.outcome;

import java.util.List;
import org.bluehelm.evidence.PanelSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shipped country-year reference panel offered to the estimators: one row per country and year,
 * the peacekeeping columns and one column per shipped outcome series, each with its citation.
 */
@Component
@Order(1) // the estimators offer the reference panel first, the worked example after
class ReferencePanel implements PanelSource {

    private final OutcomeService outcomes;

    ReferencePanel(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public String id() {
        return "reference";
    }

    @Override
    public String label() {
        return "Country-year reference panel: UN peacekeeping and governance outcomes";
    }

    @Override
    public String unitColumn() {
        return "iso3";
    }

    @Override
    public String timeColumn() {
        return "year";
    }

    @Override
    public List<Column> columns() {
        return outcomes.referenceColumns().stream()
                .map(c -> new Column(c.name(), c.label(), c.citation()))
                .toList();
    }

    @Override
    public String csv() {
        return outcomes.panelCsv(outcomes.panel(List.of(), List.of(), null, null));
    }
}
