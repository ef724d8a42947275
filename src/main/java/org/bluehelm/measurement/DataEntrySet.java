package org.bluehelm.measurement;

import java.util.List;
import java.util.Map;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorView;

/**
 * The indicators one data entry grid offers, and the organisation units that report on them. One
 * kind exists now, {@link IndicatorSelection}: the indicators of a mission or a country, or some of
 * them. A programme's results framework can become a second kind (chosen by its own request
 * parameter) without changing the grid, which only asks these three questions.
 */
interface DataEntrySet {

    /** The indicators of the set that the current user may read, in the order of the grid. */
    List<IndicatorView> indicators();

    /** The organisation units that data of the set can be entered for, in hierarchy order. */
    List<OrgUnitView> orgUnits();

    /** The request parameters that choose this set, carried by the grid's forms and links. */
    Map<String, List<String>> parameters();
}
