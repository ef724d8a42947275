package org.bluehelm.identity;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface AppUserRepository extends CrudRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);
}
