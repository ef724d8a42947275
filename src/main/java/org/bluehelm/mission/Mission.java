package org.bluehelm.mission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("mission")
class Mission {

    @Id
    @Nullable
    Long id;

    String acronym;
    String name;
    MissionStatus status;
    LocalDate startDate;

    @Nullable
    LocalDate endDate;

    @Nullable
    String source;

    @Version
    int version;

    @MappedCollection(idColumn = "mission")
    Set<Host> hosts = new LinkedHashSet<>();

    @MappedCollection(idColumn = "mission", keyColumn = "mission_key")
    List<Resolution> resolutions = new ArrayList<>();

    @MappedCollection(idColumn = "mission", keyColumn = "mission_key")
    List<Task> tasks = new ArrayList<>();

    Mission(String acronym, String name, MissionStatus status, LocalDate startDate, @Nullable LocalDate endDate) {
        this.acronym = acronym;
        this.name = name;
        this.status = status;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    @Table("mission_host")
    record Host(String countryCode) {}

    @Table("mandate_resolution")
    record Resolution(
            String symbol,
            @Nullable LocalDate adoptedOn,
            @Nullable String title) {}

    @Table("mandate_task")
    record Task(
            String resolution,
            @Nullable String paragraph,
            @Column("task_text") String text,
            @Nullable Pillar pillar) {}
}
