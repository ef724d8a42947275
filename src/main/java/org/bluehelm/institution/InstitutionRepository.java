package org.bluehelm.institution;

import org.springframework.data.repository.CrudRepository;

interface InstitutionRepository extends CrudRepository<Institution, Long> {}
