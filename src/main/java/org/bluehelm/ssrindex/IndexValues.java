package org.bluehelm.ssrindex;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.shared.Period;

/**
 * Where the index takes its indicators and values from when it is computed for a public output
 * instead of for the signed-in user (whose index uses every value of their scope, through
 * analytics): the transparency portal gives only indicators released for the public and only their
 * approved values. The scoring is the same either way ({@link SsrIndexService#seriesFrom}).
 */
public interface IndexValues {

    /** Whether an indicator with benchmarks for the unit (or a unit above it) takes part in the index. */
    boolean includes(IndicatorView indicator);

    /**
     * The values of the indicators for the unit (its whole subtree) in each of the periods (all of
     * one type), by indicator id and then period id; a missing entry is no value.
     */
    Map<Long, Map<String, BigDecimal>> values(List<IndicatorView> indicators, OrgUnitView unit, List<Period> periods);
}
