package org.bluehelm.institution;

import java.util.LinkedHashSet;
import java.util.Set;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("institution")
class Institution {

    @Id
    @Nullable
    Long id;

    String name;

    @Nullable
    String acronym;

    Pillar pillar;
    String countryCode;

    @Nullable
    Long missionId;

    @Nullable
    Long parentId;

    @Nullable
    Long orgUnitId;

    @Nullable
    String description;

    @Version
    int version;

    @MappedCollection(idColumn = "institution")
    Set<Strength> strength = new LinkedHashSet<>();

    Institution(String name, Pillar pillar, String countryCode) {
        this.name = name;
        this.pillar = pillar;
        this.countryCode = countryCode;
    }

    /** Authorised and (when known) actual personnel in one year. */
    @Table("institution_strength")
    record Strength(int year, int authorised, @Nullable Integer actual) {}
}
