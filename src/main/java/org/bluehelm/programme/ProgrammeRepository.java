package org.bluehelm.programme;

import org.springframework.data.repository.CrudRepository;

interface ProgrammeRepository extends CrudRepository<Programme, Long> {}
