package org.bluehelm.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The programme form of the web UI. Blank partner and result rows are ignored; a result names its
 * indicators by code, separated by commas or spaces. {@code choicesFor} is the country whose
 * organisation units and institutions the form offered, so that a changed country is offered its
 * own before the programme is saved.
 */
public class ProgrammeForm {

    static final int BLANK_PARTNERS = 2;
    static final int BLANK_RESULTS = 3;

    private @Nullable String code;
    private @Nullable String name;
    private @Nullable Pillar pillar;
    private @Nullable String objectives;
    private @Nullable String countryCode;
    private @Nullable Long missionId;
    private @Nullable Long leadActorId;
    private List<PartnerRow> partners = new ArrayList<>();
    private @Nullable BigDecimal budgetAmount;
    private @Nullable String budgetCurrency;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endDate;

    private @Nullable ProgrammeStatus status;
    private List<Long> locationIds = new ArrayList<>();
    private List<Long> institutionIds = new ArrayList<>();
    private List<ResultRow> results = new ArrayList<>();
    private @Nullable String choicesFor;
    private @Nullable Integer version;

    /** The stored programme as a form; {@code indicatorCodes} names the indicators of its results chain. */
    static ProgrammeForm of(ProgrammeView p, Map<Long, String> indicatorCodes) {
        ProgrammeForm form = new ProgrammeForm();
        form.code = p.code();
        form.name = p.name();
        form.pillar = p.pillar();
        form.objectives = p.objectives();
        form.countryCode = p.countryCode();
        form.missionId = p.missionId();
        form.leadActorId = p.leadActorId();
        p.partners().forEach(partner -> form.partners.add(new PartnerRow(partner.actorId(), partner.role())));
        form.budgetAmount = p.budgetAmount();
        form.budgetCurrency = p.budgetCurrency();
        form.startDate = p.startDate();
        form.endDate = p.endDate();
        form.status = p.status();
        form.locationIds = new ArrayList<>(p.locationIds());
        form.institutionIds = new ArrayList<>(p.institutionIds());
        for (ProgrammeView.ResultView r : p.results()) {
            String codes = String.join(
                    ", ",
                    r.indicatorIds().stream()
                            .map(indicatorCodes::get)
                            .filter(Objects::nonNull)
                            .toList());
            form.results.add(new ResultRow(r.code(), r.level(), r.title(), r.parentCode(), r.description(), codes));
        }
        form.choicesFor = p.countryCode();
        form.version = p.version();
        return form.withBlankRows();
    }

    /** Drops the empty rows and adds new blank ones at the end, so that row numbers match the errors. */
    ProgrammeForm withBlankRows() {
        partners.removeIf(PartnerRow::isBlank);
        results.removeIf(ResultRow::isBlank);
        locationIds.removeIf(Objects::isNull);
        institutionIds.removeIf(Objects::isNull);
        for (int i = 0; i < BLANK_PARTNERS; i++) {
            partners.add(new PartnerRow());
        }
        for (int i = 0; i < BLANK_RESULTS; i++) {
            results.add(new ResultRow());
        }
        return this;
    }

    /**
     * The command, each result's indicator codes turned into ids by {@code ids}. A code that
     * {@code ids} does not know (null) becomes a negative id, which the service refuses as an
     * indicator that does not exist: its problem then names the code's place in the row.
     */
    ProgrammeCommand command(Function<String, @Nullable Long> ids) {
        List<PartnerRow> filledPartners =
                partners.stream().filter(p -> !p.isBlank()).toList();
        List<ResultRow> filledResults =
                results.stream().filter(r -> !r.isBlank()).toList();
        return new ProgrammeCommand(
                code,
                name,
                pillar,
                objectives,
                countryCode,
                missionId,
                leadActorId,
                filledPartners.stream()
                        .map(p -> new ProgrammeCommand.Partner(p.getActorId(), p.getRole()))
                        .toList(),
                budgetAmount,
                budgetCurrency,
                startDate,
                endDate,
                status,
                locationIds.stream().filter(Objects::nonNull).toList(),
                institutionIds.stream().filter(Objects::nonNull).toList(),
                filledResults.stream()
                        .map(r -> {
                            List<String> codes = r.indicatorCodes();
                            List<Long> indicatorIds = new ArrayList<>();
                            for (int j = 0; j < codes.size(); j++) {
                                Long id = ids.apply(codes.get(j));
                                indicatorIds.add(id == null ? -(j + 1L) : id);
                            }
                            return new ProgrammeCommand.Result(
                                    r.getCode(),
                                    r.getLevel(),
                                    r.getTitle(),
                                    r.getDescription(),
                                    r.getParentCode(),
                                    indicatorIds);
                        })
                        .toList());
    }

    /** The filled result rows, in the order the command lists them. */
    List<ResultRow> filledResults() {
        return results.stream().filter(r -> !r.isBlank()).toList();
    }

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable Pillar getPillar() {
        return pillar;
    }

    public void setPillar(@Nullable Pillar pillar) {
        this.pillar = pillar;
    }

    public @Nullable String getObjectives() {
        return objectives;
    }

    public void setObjectives(@Nullable String objectives) {
        this.objectives = objectives;
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

    public @Nullable Long getLeadActorId() {
        return leadActorId;
    }

    public void setLeadActorId(@Nullable Long leadActorId) {
        this.leadActorId = leadActorId;
    }

    public List<PartnerRow> getPartners() {
        return partners;
    }

    public void setPartners(List<PartnerRow> partners) {
        this.partners = partners;
    }

    public @Nullable BigDecimal getBudgetAmount() {
        return budgetAmount;
    }

    public void setBudgetAmount(@Nullable BigDecimal budgetAmount) {
        this.budgetAmount = budgetAmount;
    }

    public @Nullable String getBudgetCurrency() {
        return budgetCurrency;
    }

    public void setBudgetCurrency(@Nullable String budgetCurrency) {
        this.budgetCurrency = budgetCurrency;
    }

    public @Nullable LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(@Nullable LocalDate startDate) {
        this.startDate = startDate;
    }

    public @Nullable LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(@Nullable LocalDate endDate) {
        this.endDate = endDate;
    }

    public @Nullable ProgrammeStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable ProgrammeStatus status) {
        this.status = status;
    }

    public List<Long> getLocationIds() {
        return locationIds;
    }

    public void setLocationIds(List<Long> locationIds) {
        this.locationIds = locationIds;
    }

    public List<Long> getInstitutionIds() {
        return institutionIds;
    }

    public void setInstitutionIds(List<Long> institutionIds) {
        this.institutionIds = institutionIds;
    }

    public List<ResultRow> getResults() {
        return results;
    }

    public void setResults(List<ResultRow> results) {
        this.results = results;
    }

    public @Nullable String getChoicesFor() {
        return choicesFor;
    }

    public void setChoicesFor(@Nullable String choicesFor) {
        this.choicesFor = choicesFor;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }

    /** A partner actor and its role. */
    public static class PartnerRow {
        private @Nullable Long actorId;
        private @Nullable PartnerRole role;

        public PartnerRow() {}

        PartnerRow(@Nullable Long actorId, @Nullable PartnerRole role) {
            this.actorId = actorId;
            this.role = role;
        }

        boolean isBlank() {
            return actorId == null && role == null;
        }

        public @Nullable Long getActorId() {
            return actorId;
        }

        public void setActorId(@Nullable Long actorId) {
            this.actorId = actorId;
        }

        public @Nullable PartnerRole getRole() {
            return role;
        }

        public void setRole(@Nullable PartnerRole role) {
            this.role = role;
        }
    }

    /** An outcome or output; {@code indicators} holds indicator codes separated by commas or spaces. */
    public static class ResultRow {
        private @Nullable String code;
        private @Nullable ResultLevel level;
        private @Nullable String title;
        private @Nullable String parentCode;
        private @Nullable String description;
        private @Nullable String indicators;

        public ResultRow() {}

        ResultRow(
                @Nullable String code,
                @Nullable ResultLevel level,
                @Nullable String title,
                @Nullable String parentCode,
                @Nullable String description,
                @Nullable String indicators) {
            this.code = code;
            this.level = level;
            this.title = title;
            this.parentCode = parentCode;
            this.description = description;
            this.indicators = indicators;
        }

        boolean isBlank() {
            return blank(code)
                    && level == null
                    && blank(title)
                    && blank(parentCode)
                    && blank(description)
                    && blank(indicators);
        }

        /** The indicator codes typed, in lower case (as indicator codes are), in order. */
        List<String> indicatorCodes() {
            if (blank(indicators)) {
                return List.of();
            }
            return Arrays.stream(indicators.split("[,;\\s]+"))
                    .filter(s -> !s.isBlank())
                    .map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .toList();
        }

        private static boolean blank(@Nullable String text) {
            return text == null || text.isBlank();
        }

        public @Nullable String getCode() {
            return code;
        }

        public void setCode(@Nullable String code) {
            this.code = code;
        }

        public @Nullable ResultLevel getLevel() {
            return level;
        }

        public void setLevel(@Nullable ResultLevel level) {
            this.level = level;
        }

        public @Nullable String getTitle() {
            return title;
        }

        public void setTitle(@Nullable String title) {
            this.title = title;
        }

        public @Nullable String getParentCode() {
            return parentCode;
        }

        public void setParentCode(@Nullable String parentCode) {
            this.parentCode = parentCode;
        }

        public @Nullable String getDescription() {
            return description;
        }

        public void setDescription(@Nullable String description) {
            this.description = description;
        }

        public @Nullable String getIndicators() {
            return indicators;
        }

        public void setIndicators(@Nullable String indicators) {
            this.indicators = indicators;
        }
    }
}
