package org.bluehelm.hrddp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The risk assessment form of the web UI, with a fixed number of rows for mitigation measures (blank rows are ignored). */
public class AssessmentForm {

    private @Nullable ViolationsLevel violationsLevel;
    private @Nullable String violationsRecord;
    private @Nullable String commandResponsibility;
    private @Nullable OverallRisk overallRisk;
    private @Nullable Decision decision;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate reviewDate;

    private List<MitigationRow> mitigations = new ArrayList<>();

    static final int ROWS = 5;

    /** One row of the mitigation table. */
    public static class MitigationRow {

        private @Nullable String text;
        private MitigationStatus status = MitigationStatus.OPEN;

        public @Nullable String getText() {
            return text;
        }

        public void setText(@Nullable String text) {
            this.text = text;
        }

        public MitigationStatus getStatus() {
            return status;
        }

        public void setStatus(MitigationStatus status) {
            this.status = status;
        }
    }

    /** A form holding the current assessment's answers, to start a reassessment from. */
    static AssessmentForm of(@Nullable AssessmentView current) {
        AssessmentForm form = new AssessmentForm();
        if (current != null) {
            form.violationsLevel = current.violationsLevel();
            form.violationsRecord = current.violationsRecord();
            form.commandResponsibility = current.commandResponsibility();
            form.overallRisk = current.overallRisk();
            for (AssessmentView.MitigationView m : current.mitigations()) {
                MitigationRow row = new MitigationRow();
                row.text = m.text();
                row.status = m.status();
                form.mitigations.add(row);
            }
        }
        return form.padded();
    }

    /** Adds blank rows up to {@link #ROWS} (and one more when all are used). */
    AssessmentForm padded() {
        int wanted = Math.max(ROWS, mitigations.size() + 1);
        while (mitigations.size() < wanted) {
            mitigations.add(new MitigationRow());
        }
        return this;
    }

    AssessmentCommand command() {
        List<AssessmentCommand.Mitigation> measures = new ArrayList<>();
        for (MitigationRow row : mitigations) {
            if (row != null && row.text != null && !row.text.isBlank()) {
                measures.add(new AssessmentCommand.Mitigation(row.text, row.status));
            }
        }
        return new AssessmentCommand(
                violationsLevel, violationsRecord, commandResponsibility, overallRisk, measures, decision, reviewDate);
    }

    public @Nullable ViolationsLevel getViolationsLevel() {
        return violationsLevel;
    }

    public void setViolationsLevel(@Nullable ViolationsLevel violationsLevel) {
        this.violationsLevel = violationsLevel;
    }

    public @Nullable String getViolationsRecord() {
        return violationsRecord;
    }

    public void setViolationsRecord(@Nullable String violationsRecord) {
        this.violationsRecord = violationsRecord;
    }

    public @Nullable String getCommandResponsibility() {
        return commandResponsibility;
    }

    public void setCommandResponsibility(@Nullable String commandResponsibility) {
        this.commandResponsibility = commandResponsibility;
    }

    public @Nullable OverallRisk getOverallRisk() {
        return overallRisk;
    }

    public void setOverallRisk(@Nullable OverallRisk overallRisk) {
        this.overallRisk = overallRisk;
    }

    public @Nullable Decision getDecision() {
        return decision;
    }

    public void setDecision(@Nullable Decision decision) {
        this.decision = decision;
    }

    public @Nullable LocalDate getReviewDate() {
        return reviewDate;
    }

    public void setReviewDate(@Nullable LocalDate reviewDate) {
        this.reviewDate = reviewDate;
    }

    public List<MitigationRow> getMitigations() {
        return mitigations;
    }

    public void setMitigations(List<MitigationRow> mitigations) {
        this.mitigations = mitigations;
    }
}
