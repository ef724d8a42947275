package org.bluehelm.actor;

import org.springframework.data.repository.CrudRepository;

interface ActorRepository extends CrudRepository<Actor, Long> {}
