package org.bluehelm.coordination;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.bluehelm.capacity.TrainerCount;
import org.jspecify.annotations.Nullable;

/**
 * Local ownership per country, programme and institution, from the activities the user may see:
 * the activities with a lead or co-lead and how many of those are national actors, and the funding
 * recorded (budgets of funding actors) and the national part of it. Budgets are only added up in
 * one currency: each line uses the currency most of its funding rows are in and says how many rows
 * in other currencies it left out. The share of national trainers comes from the training events of
 * the capacity module (national and international trainer counts), per country of the event and per
 * target institution of its course; events are not tied to programmes, so there is no programme
 * line for trainers.
 */
public record OwnershipView(
        List<Line> byCountry,
        List<Line> byProgramme,
        List<Line> byInstitution,
        List<Trainers> trainersByCountry,
        List<Trainers> trainersByInstitution) {

    /** National and international trainers of one country or institution; share in percent. */
    public record Trainers(
            String label,
            long national,
            long international,
            @Nullable BigDecimal nationalShare) {}

    /** One country, programme or institution. Shares are percentages, null when nothing is counted. */
    public record Line(
            String label,
            int led,
            int ledNational,
            @Nullable BigDecimal nationalLedShare,
            @Nullable String currency,
            BigDecimal funding,
            BigDecimal fundingNational,
            @Nullable BigDecimal nationalFundingShare,
            int fundingRowsLeftOut) {}

    static OwnershipView of(
            List<ActivityView> activities, List<TrainerCount> trainers, Function<Long, String> institutionName) {
        return new OwnershipView(
                lines(activities, ActivityView::countryCode),
                lines(
                        activities.stream().filter(a -> a.programmeId() != null).toList(),
                        a -> a.programmeName() == null ? "#" + a.programmeId() : a.programmeName()),
                lines(
                        activities.stream()
                                .filter(a -> a.institutionId() != null)
                                .toList(),
                        a -> a.institutionName() == null ? "#" + a.institutionId() : a.institutionName()),
                trainers(trainers, TrainerCount::countryCode),
                trainers(trainers, t -> institutionName.apply(t.institutionId())));
    }

    private static List<Trainers> trainers(List<TrainerCount> counts, Function<TrainerCount, String> label) {
        Map<String, long[]> groups = new TreeMap<>();
        for (TrainerCount t : counts) {
            long[] sums = groups.computeIfAbsent(label.apply(t), k -> new long[2]);
            sums[0] += t.national();
            sums[1] += t.international();
        }
        List<Trainers> lines = new ArrayList<>();
        groups.forEach((name, sums) -> {
            long all = sums[0] + sums[1];
            lines.add(new Trainers(
                    name,
                    sums[0],
                    sums[1],
                    all == 0 ? null : percent(BigDecimal.valueOf(sums[0]), BigDecimal.valueOf(all))));
        });
        return lines;
    }

    private static List<Line> lines(List<ActivityView> activities, Function<ActivityView, String> label) {
        Map<String, List<ActivityView>> groups = new TreeMap<>();
        for (ActivityView a : activities) {
            groups.computeIfAbsent(label.apply(a), k -> new ArrayList<>()).add(a);
        }
        List<Line> lines = new ArrayList<>();
        groups.forEach((name, group) -> lines.add(line(name, group)));
        return lines;
    }

    static Line line(String label, List<ActivityView> group) {
        int led = 0;
        int national = 0;
        Map<String, Integer> currencies = new HashMap<>();
        for (ActivityView a : group) {
            if (a.actorRole() == ActorRole.LEAD || a.actorRole() == ActorRole.CO_LEAD) {
                led++;
                if (a.nationalActor()) {
                    national++;
                }
            }
            if (a.actorRole() == ActorRole.FUNDING && a.budgetAmount() != null && a.budgetCurrency() != null) {
                currencies.merge(a.budgetCurrency(), 1, Integer::sum);
            }
        }
        String currency = currencies.entrySet().stream()
                .max(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
        BigDecimal funding = BigDecimal.ZERO;
        BigDecimal fundingNational = BigDecimal.ZERO;
        int leftOut = 0;
        for (ActivityView a : group) {
            if (a.actorRole() != ActorRole.FUNDING || a.budgetAmount() == null || a.budgetCurrency() == null) {
                continue;
            }
            if (!a.budgetCurrency().equals(currency)) {
                leftOut++;
                continue;
            }
            funding = funding.add(a.budgetAmount());
            if (a.nationalActor()) {
                fundingNational = fundingNational.add(a.budgetAmount());
            }
        }
        return new Line(
                label,
                led,
                national,
                led == 0 ? null : percent(BigDecimal.valueOf(national), BigDecimal.valueOf(led)),
                currency,
                funding,
                fundingNational,
                funding.signum() == 0 ? null : percent(fundingNational, funding),
                leftOut);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
