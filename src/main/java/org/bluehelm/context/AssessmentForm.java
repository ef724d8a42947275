package org.bluehelm.context;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The context assessment form: one row per factor, in factor order. */
public class AssessmentForm {

    private @Nullable String countryCode;
    private @Nullable Long missionId;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate assessedOn;

    private @Nullable AssessmentKind kind = AssessmentKind.PERIODIC;
    private @Nullable String summary;
    private List<Row> scores = new ArrayList<>();

    public static class Row {
        private @Nullable ContextFactor factor;
        private @Nullable Integer score;
        private @Nullable String evidence;

        public @Nullable ContextFactor getFactor() {
            return factor;
        }

        public void setFactor(@Nullable ContextFactor factor) {
            this.factor = factor;
        }

        public @Nullable Integer getScore() {
            return score;
        }

        public void setScore(@Nullable Integer score) {
            this.score = score;
        }

        public @Nullable String getEvidence() {
            return evidence;
        }

        public void setEvidence(@Nullable String evidence) {
            this.evidence = evidence;
        }
    }

    static AssessmentForm blank(LocalDate today) {
        AssessmentForm form = new AssessmentForm();
        form.assessedOn = today;
        for (ContextFactor f : ContextFactor.values()) {
            Row row = new Row();
            row.factor = f;
            form.scores.add(row);
        }
        return form;
    }

    ContextAssessmentCommand command() {
        return new ContextAssessmentCommand(
                countryCode,
                missionId,
                assessedOn,
                kind,
                summary,
                scores.stream()
                        .map(r -> new ContextAssessmentCommand.Score(r.factor, r.score, r.evidence))
                        .toList());
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

    public @Nullable LocalDate getAssessedOn() {
        return assessedOn;
    }

    public void setAssessedOn(@Nullable LocalDate assessedOn) {
        this.assessedOn = assessedOn;
    }

    public @Nullable AssessmentKind getKind() {
        return kind;
    }

    public void setKind(@Nullable AssessmentKind kind) {
        this.kind = kind;
    }

    public @Nullable String getSummary() {
        return summary;
    }

    public void setSummary(@Nullable String summary) {
        this.summary = summary;
    }

    public List<Row> getScores() {
        return scores;
    }

    public void setScores(List<Row> scores) {
        this.scores = scores;
    }
}
