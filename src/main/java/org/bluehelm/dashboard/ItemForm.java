package org.bluehelm.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * The item form of the web UI: the fields of {@link DashboardItemCommand}, and the version of the
 * dashboard the form was read from.
 */
public class ItemForm {

    private @Nullable ItemKind kind = ItemKind.TIME_SERIES;
    private @Nullable String title;
    private List<Long> indicators = new ArrayList<>();
    private @Nullable Long orgUnit;
    private @Nullable Integer orgUnitLevel;
    private boolean children;
    private @Nullable PeriodType periodType = PeriodType.QUARTERLY;
    private @Nullable String from;
    private @Nullable String to;
    private boolean byOption;
    private @Nullable Integer version;

    static ItemForm of(DashboardItemView item, int dashboardVersion) {
        ItemForm form = new ItemForm();
        form.kind = item.kind();
        form.title = item.title();
        form.indicators = new ArrayList<>(item.indicators());
        form.orgUnit = item.orgUnit();
        form.orgUnitLevel = item.orgUnitLevel();
        form.children = item.children();
        form.periodType = item.periodType();
        form.from = item.from();
        form.to = item.to();
        form.byOption = item.byOption();
        form.version = dashboardVersion;
        return form;
    }

    DashboardItemCommand command() {
        return new DashboardItemCommand(
                kind, title, indicators, orgUnit, orgUnitLevel, children, periodType, from, to, byOption);
    }

    public @Nullable ItemKind getKind() {
        return kind;
    }

    public void setKind(@Nullable ItemKind kind) {
        this.kind = kind;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public List<Long> getIndicators() {
        return indicators;
    }

    public void setIndicators(@Nullable List<Long> indicators) {
        this.indicators = indicators == null ? new ArrayList<>() : new ArrayList<>(indicators);
    }

    public @Nullable Long getOrgUnit() {
        return orgUnit;
    }

    public void setOrgUnit(@Nullable Long orgUnit) {
        this.orgUnit = orgUnit;
    }

    public @Nullable Integer getOrgUnitLevel() {
        return orgUnitLevel;
    }

    public void setOrgUnitLevel(@Nullable Integer orgUnitLevel) {
        this.orgUnitLevel = orgUnitLevel;
    }

    public boolean isChildren() {
        return children;
    }

    public void setChildren(boolean children) {
        this.children = children;
    }

    public @Nullable PeriodType getPeriodType() {
        return periodType;
    }

    public void setPeriodType(@Nullable PeriodType periodType) {
        this.periodType = periodType;
    }

    public @Nullable String getFrom() {
        return from;
    }

    public void setFrom(@Nullable String from) {
        this.from = from;
    }

    public @Nullable String getTo() {
        return to;
    }

    public void setTo(@Nullable String to) {
        this.to = to;
    }

    public boolean isByOption() {
        return byOption;
    }

    public void setByOption(boolean byOption) {
        this.byOption = byOption;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
