package org.bluehelm.institution;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("oversight_body")
class OversightBody {

    @Id
    @Nullable
    Long id;

    String name;
    OversightBodyType type;
    String countryCode;

    @Nullable
    Long missionId;

    @Nullable
    String mandate;

    boolean independent;

    @Nullable
    LocalDate establishedOn;

    @Version
    int version;

    @MappedCollection(idColumn = "oversight_body")
    Set<Oversees> institutions = new LinkedHashSet<>();

    OversightBody(String name, OversightBodyType type, String countryCode) {
        this.name = name;
        this.type = type;
        this.countryCode = countryCode;
    }

    /** An institution this body oversees. */
    @Table("oversight_body_institution")
    record Oversees(long institution) {}
}
