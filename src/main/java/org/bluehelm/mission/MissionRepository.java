package org.bluehelm.mission;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface MissionRepository extends CrudRepository<Mission, Long> {

    Optional<Mission> findByAcronym(String acronym);
}
