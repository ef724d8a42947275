package org.bluehelm.context;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bluehelm.report.ReportSection;
import org.bluehelm.report.ReportSubject;
import org.bluehelm.shared.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The risks section of a progress report: the open (and triggered) risks of the report's subject
 * that the requester may see, highest level first, with likelihood, impact, owner, strategy
 * (mitigation) and the triggers that fired in the report's period. A programme's and a mission's
 * report take the risks of their mission and those of their countries with no mission; a country's
 * report every risk in the country.
 */
@Component
@Order(1)
class RiskReportSection implements ReportSection {

    private static final Set<RiskStatus> OPEN = Set.of(RiskStatus.OPEN, RiskStatus.TRIGGERED);

    private final RiskService risks;
    private final MessageSource messages;

    RiskReportSection(RiskService risks, MessageSource messages) {
        this.risks = risks;
        this.messages = messages;
    }

    @Override
    public Table table(ReportSubject subject, String period, Locale language) {
        Period reported = Period.parse(period);
        NumberFormat numbers = NumberFormat.getNumberInstance(language);
        numbers.setGroupingUsed(false);
        numbers.setMaximumFractionDigits(2);
        Map<Long, RiskView> open = new LinkedHashMap<>();
        for (String country : subject.countryCodes()) {
            for (RiskView r : risks.list(country, null, null, false)) {
                boolean ofSubject = subject.missionId() == null
                        || r.missionId() == null
                        || r.missionId().equals(subject.missionId());
                if (ofSubject && OPEN.contains(r.status())) {
                    open.putIfAbsent(r.id(), r);
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        open.values().stream()
                .sorted((a, b) -> Integer.compare(b.level(), a.level()))
                .forEach(r -> rows.add(List.of(
                        r.title(),
                        String.valueOf(r.likelihood()),
                        String.valueOf(r.impact()),
                        String.valueOf(r.level()),
                        r.owner(),
                        r.mitigation() == null ? "-" : r.mitigation(),
                        text("risk.status." + r.status().name(), language),
                        fired(r, reported, numbers, language))));
        return new Table(
                text("context.report.risks", language),
                List.of(
                        text("context.report.risk", language),
                        text("context.report.likelihood", language),
                        text("context.report.impact", language),
                        text("risk.level", language),
                        text("context.report.owner", language),
                        text("context.report.strategy", language),
                        text("context.report.status", language),
                        text("context.report.fired", language)),
                rows,
                text("context.report.risks.none", language));
    }

    /** The triggers that fired in the period, as "indicator at unit: value (period)", or "-". */
    private String fired(RiskView risk, Period reported, NumberFormat numbers, Locale language) {
        String fired = risk.triggers().stream()
                .filter(t -> t.firedPeriod() != null && within(t.firedPeriod(), reported))
                .map(t -> messages.getMessage(
                        "context.report.firedText",
                        new Object[] {
                            name(t.indicatorName(), "#" + t.indicatorId()),
                            name(t.orgUnitName(), "#" + t.orgUnitId()),
                            value(t.firedValue(), numbers),
                            t.firedPeriod()
                        },
                        language))
                .collect(Collectors.joining("; "));
        return fired.isEmpty() ? "-" : fired;
    }

    private static boolean within(String period, Period reported) {
        try {
            Period p = Period.parse(period);
            return !p.startDate().isBefore(reported.startDate()) && !p.endDate().isAfter(reported.endDate());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String name(@Nullable String name, String fallback) {
        return name == null ? fallback : name;
    }

    private static String value(@Nullable BigDecimal value, NumberFormat numbers) {
        return value == null ? "-" : numbers.format(value);
    }

    private String text(String key, Locale language) {
        return messages.getMessage(key, null, language);
    }
}
