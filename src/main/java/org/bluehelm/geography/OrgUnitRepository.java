package org.bluehelm.geography;

import org.springframework.data.repository.CrudRepository;

interface OrgUnitRepository extends CrudRepository<OrgUnit, Long> {

    boolean existsByCode(String code);
}
