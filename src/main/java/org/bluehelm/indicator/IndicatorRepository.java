package org.bluehelm.indicator;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface IndicatorRepository extends CrudRepository<Indicator, Long> {

    Optional<Indicator> findByCode(String code);
}
