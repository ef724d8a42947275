package org.bluehelm.geography;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("org_unit")
class OrgUnit {

    @Id
    @Nullable
    Long id;

    String code;
    String name;
    OrgUnitKind kind;

    @Nullable
    Long parentId;

    int level;
    String path;
    String countryCode;

    @Version
    int version;

    OrgUnit(
            String code,
            String name,
            OrgUnitKind kind,
            @Nullable Long parentId,
            int level,
            String path,
            String countryCode) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.parentId = parentId;
        this.level = level;
        this.path = path;
        this.countryCode = countryCode;
    }

    OrgUnitView view() {
        return new OrgUnitView(id == null ? 0 : id, code, name, kind, parentId, level, path, countryCode, version);
    }
}
