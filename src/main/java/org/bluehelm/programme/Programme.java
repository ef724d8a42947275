package org.bluehelm.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A programme with its partners, locations, supported institutions and results chain.
 * {@code missionId} and {@code countryCode} are its access scope.
 */
@Table("programme")
class Programme {

    @Id
    @Nullable
    Long id;

    String code;
    String name;
    Pillar pillar;

    @Nullable
    String objectives;

    String countryCode;

    @Nullable
    Long missionId;

    long leadActorId;

    @Nullable
    BigDecimal budgetAmount;

    @Nullable
    String budgetCurrency;

    @Nullable
    LocalDate startDate;

    @Nullable
    LocalDate endDate;

    ProgrammeStatus status;
    OffsetDateTime updatedAt;

    @Version
    int version;

    @MappedCollection(idColumn = "programme", keyColumn = "programme_key")
    List<Partner> partners = new ArrayList<>();

    @MappedCollection(idColumn = "programme")
    Set<Location> locations = new LinkedHashSet<>();

    @MappedCollection(idColumn = "programme")
    Set<SupportedInstitution> institutions = new LinkedHashSet<>();

    @MappedCollection(idColumn = "programme", keyColumn = "programme_key")
    List<Result> results = new ArrayList<>();

    Programme(
            String code,
            String name,
            Pillar pillar,
            String countryCode,
            long leadActorId,
            ProgrammeStatus status,
            OffsetDateTime updatedAt) {
        this.code = code;
        this.name = name;
        this.pillar = pillar;
        this.countryCode = countryCode;
        this.leadActorId = leadActorId;
        this.status = status;
        this.updatedAt = updatedAt;
    }

    /** An actor other than the lead, and its role. */
    @Table("programme_partner")
    record Partner(long actorId, PartnerRole role) {}

    /** An organisation unit where the programme works. */
    @Table("programme_location")
    record Location(long orgUnitId) {}

    /** A security institution the programme supports. */
    @Table("programme_institution")
    record SupportedInstitution(long institutionId) {}

    /** An outcome or output; an output names its outcome by code. */
    @Table("programme_result")
    record Result(
            String code,
            ResultLevel level,
            String title,
            @Nullable String description,
            @Nullable String parentCode,

            @MappedCollection(idColumn = "programme", keyColumn = "indicator_key")
            List<Measure> indicators) {}

    /** An indicator that measures a result. */
    @Table("programme_result_indicator")
    record Measure(long indicatorId) {}
}
