package org.bluehelm.institution;

import org.springframework.data.repository.CrudRepository;

interface OversightBodyRepository extends CrudRepository<OversightBody, Long> {}
