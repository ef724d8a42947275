package org.bluehelm.context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The risk form of the web UI; a trigger names its organisation unit by code. */
public class RiskForm {

    static final int TRIGGER_ROWS = 3;

    private @Nullable String countryCode;
    private @Nullable Long missionId;
    private @Nullable String title;
    private @Nullable String description;
    private @Nullable Integer likelihood = 3;
    private @Nullable Integer impact = 3;
    private @Nullable String owner;
    private @Nullable String mitigation;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate reviewDate;

    private @Nullable RiskStatus status = RiskStatus.OPEN;
    private List<TriggerRow> triggers = new ArrayList<>();
    private @Nullable Integer version;

    /** One trigger row; blank rows are ignored. */
    public static class TriggerRow {
        private @Nullable Long indicatorId;
        private @Nullable String orgUnitCode;
        private @Nullable Comparison comparison = Comparison.ABOVE;
        private @Nullable BigDecimal threshold;

        boolean blank() {
            return indicatorId == null && (orgUnitCode == null || orgUnitCode.isBlank()) && threshold == null;
        }

        public @Nullable Long getIndicatorId() {
            return indicatorId;
        }

        public void setIndicatorId(@Nullable Long indicatorId) {
            this.indicatorId = indicatorId;
        }

        public @Nullable String getOrgUnitCode() {
            return orgUnitCode;
        }

        public void setOrgUnitCode(@Nullable String orgUnitCode) {
            this.orgUnitCode = orgUnitCode;
        }

        public @Nullable Comparison getComparison() {
            return comparison;
        }

        public void setComparison(@Nullable Comparison comparison) {
            this.comparison = comparison;
        }

        public @Nullable BigDecimal getThreshold() {
            return threshold;
        }

        public void setThreshold(@Nullable BigDecimal threshold) {
            this.threshold = threshold;
        }
    }

    RiskForm padded() {
        while (triggers.size() < TRIGGER_ROWS) {
            triggers.add(new TriggerRow());
        }
        return this;
    }

    public @Nullable String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(@Nullable String countryCode) {
        this.countryCode = countryCode;
    }

    public @Nullable Long getMissionId() {
        return missionId;
    }

    public void setMissionId(@Nullable Long missionId) {
        this.missionId = missionId;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable Integer getLikelihood() {
        return likelihood;
    }

    public void setLikelihood(@Nullable Integer likelihood) {
        this.likelihood = likelihood;
    }

    public @Nullable Integer getImpact() {
        return impact;
    }

    public void setImpact(@Nullable Integer impact) {
        this.impact = impact;
    }

    public @Nullable String getOwner() {
        return owner;
    }

    public void setOwner(@Nullable String owner) {
        this.owner = owner;
    }

    public @Nullable String getMitigation() {
        return mitigation;
    }

    public void setMitigation(@Nullable String mitigation) {
        this.mitigation = mitigation;
    }

    public @Nullable LocalDate getReviewDate() {
        return reviewDate;
    }

    public void setReviewDate(@Nullable LocalDate reviewDate) {
        this.reviewDate = reviewDate;
    }

    public @Nullable RiskStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable RiskStatus status) {
        this.status = status;
    }

    public List<TriggerRow> getTriggers() {
        return triggers;
    }

    public void setTriggers(List<TriggerRow> triggers) {
        this.triggers = triggers;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
