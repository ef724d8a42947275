package org.bluehelm.measurement;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface DataValueRepository extends CrudRepository<DataValue, Long> {

    Optional<DataValue> findByIndicatorIdAndOrgUnitIdAndPeriodIdAndOptionKey(
            long indicatorId, long orgUnitId, String periodId, long optionKey);
}
