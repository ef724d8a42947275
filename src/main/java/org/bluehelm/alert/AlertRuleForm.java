package org.bluehelm.alert;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.web.DecimalInput;
import org.jspecify.annotations.Nullable;

/**
 * The rule form: numbers as typed in the user's language, the organisation unit by its code. The
 * controller turns it into an {@link AlertRuleCommand}, collecting what it cannot read.
 */
public class AlertRuleForm {

    private @Nullable Long indicatorId;
    private @Nullable AlertKind kind;
    private @Nullable ThresholdOperator operator;
    private @Nullable String threshold;
    private @Nullable String percent;
    private @Nullable String dueDays;
    private @Nullable PeriodType periodType;
    private @Nullable String orgUnitCode;
    private boolean active = true;
    private @Nullable Integer version;

    static AlertRuleForm of(AlertRuleView rule, Locale locale) {
        AlertRuleForm form = new AlertRuleForm();
        form.indicatorId = rule.indicatorId();
        form.kind = rule.kind();
        form.operator = rule.operator();
        form.threshold = rule.threshold() == null ? null : DecimalInput.format(rule.threshold(), locale);
        form.percent = rule.percent() == null ? null : DecimalInput.format(rule.percent(), locale);
        form.dueDays = rule.dueDays() == null ? null : String.valueOf(rule.dueDays());
        form.periodType = rule.periodType();
        form.orgUnitCode = rule.orgUnitCode();
        form.active = rule.active();
        form.version = rule.version();
        return form;
    }

    /** The command, with the numbers read in the user's language; what cannot be read goes to {@code unreadable}. */
    AlertRuleCommand command(@Nullable Long orgUnitId, Locale locale, List<FieldProblem> unreadable) {
        return new AlertRuleCommand(
                indicatorId,
                kind,
                operator,
                kind == AlertKind.THRESHOLD ? number("threshold", threshold, locale, unreadable) : null,
                kind == AlertKind.DETERIORATION ? number("percent", percent, locale, unreadable) : null,
                kind == AlertKind.MISSING ? whole("dueDays", dueDays, unreadable) : null,
                periodType,
                orgUnitId,
                active);
    }

    private static @Nullable BigDecimal number(
            String field, @Nullable String text, Locale locale, List<FieldProblem> unreadable) {
        try {
            return DecimalInput.parse(text, locale);
        } catch (NumberFormatException e) {
            unreadable.add(new FieldProblem(
                    field, "'" + text + "' is not a number (e.g. 12.5)", "validation.number", List.of(text)));
            return null;
        }
    }

    private static @Nullable Integer whole(String field, @Nullable String text, List<FieldProblem> unreadable) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            unreadable.add(new FieldProblem(
                    field, "'" + text + "' is not a whole number", "alert.validation.whole", List.of(text)));
            return null;
        }
    }

    public @Nullable Long getIndicatorId() {
        return indicatorId;
    }

    public void setIndicatorId(@Nullable Long indicatorId) {
        this.indicatorId = indicatorId;
    }

    public @Nullable AlertKind getKind() {
        return kind;
    }

    public void setKind(@Nullable AlertKind kind) {
        this.kind = kind;
    }

    public @Nullable ThresholdOperator getOperator() {
        return operator;
    }

    public void setOperator(@Nullable ThresholdOperator operator) {
        this.operator = operator;
    }

    public @Nullable String getThreshold() {
        return threshold;
    }

    public void setThreshold(@Nullable String threshold) {
        this.threshold = threshold;
    }

    public @Nullable String getPercent() {
        return percent;
    }

    public void setPercent(@Nullable String percent) {
        this.percent = percent;
    }

    public @Nullable String getDueDays() {
        return dueDays;
    }

    public void setDueDays(@Nullable String dueDays) {
        this.dueDays = dueDays;
    }

    public @Nullable PeriodType getPeriodType() {
        return periodType;
    }

    public void setPeriodType(@Nullable PeriodType periodType) {
        this.periodType = periodType;
    }

    public @Nullable String getOrgUnitCode() {
        return orgUnitCode;
    }

    public void setOrgUnitCode(@Nullable String orgUnitCode) {
        this.orgUnitCode = orgUnitCode;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
