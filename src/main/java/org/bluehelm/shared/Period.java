package org.bluehelm.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period named by its DHIS2 identifier: yearly {@code 2024}, quarterly {@code 2024Q1},
 * monthly {@code 202403}, ISO weekly {@code 2024W09} and daily {@code 20240315}. The only way to
 * build one is {@link #parse(String)} (or the factories), so every period in the system is valid.
 */
public record Period(String id, PeriodType type, LocalDate startDate, LocalDate endDate) {

    private static final Pattern YEARLY = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTERLY = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTHLY = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern WEEKLY = Pattern.compile("(\\d{4})W(\\d{1,2})");
    private static final Pattern DAILY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    public Period {
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    /**
     * Parses a DHIS2 period identifier.
     *
     * @throws InvalidInputException naming the field {@code period} when the text is not a period
     */
    public static Period parse(String text) {
        return parse("period", text);
    }

    public static Period parse(String field, String text) {
        String id = text == null ? "" : text.strip();
        try {
            Matcher m;
            if ((m = YEARLY.matcher(id)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            if ((m = QUARTERLY.matcher(id)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTHLY.matcher(id)).matches()) {
                return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = WEEKLY.matcher(id)).matches()) {
                return week(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = DAILY.matcher(id)).matches()) {
                return day(LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            // falls through to the error below: the shape matched but the date does not exist
        }
        throw new InvalidInputException(List.of(new FieldProblem(
                field,
                "'" + id + "' is not a period: use 2024, 2024Q1, 202403, 2024W09 or 20240315",
                "validation.period",
                List.of(id))));
    }

    public static Period year(int year) {
        checkYear(year);
        return new Period(
                String.format("%04d", year), PeriodType.YEARLY, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period quarter(int year, int quarter) {
        checkYear(year);
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(
                String.format("%04dQ%d", year, quarter),
                PeriodType.QUARTERLY,
                start,
                start.plusMonths(3).minusDays(1));
    }

    public static Period month(YearMonth month) {
        checkYear(month.getYear());
        return new Period(
                String.format("%04d%02d", month.getYear(), month.getMonthValue()),
                PeriodType.MONTHLY,
                month.atDay(1),
                month.atEndOfMonth());
    }

    public static Period week(int weekBasedYear, int week) {
        checkYear(weekBasedYear);
        LocalDate anyDayOfYear = LocalDate.of(weekBasedYear, 6, 1);
        long weeks = anyDayOfYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException("week " + week);
        }
        LocalDate monday = anyDayOfYear
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(
                String.format("%04dW%02d", weekBasedYear, week), PeriodType.WEEKLY, monday, monday.plusDays(6));
    }

    public static Period day(LocalDate day) {
        checkYear(day.getYear());
        return new Period(
                String.format("%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()),
                PeriodType.DAILY,
                day,
                day);
    }

    private static void checkYear(int year) {
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("year " + year);
        }
    }

    /**
     * The year of the block of values this period is kept in: its year (a week's week-based year).
     */
    public int blockYear() {
        return type == PeriodType.WEEKLY ? startDate.plusDays(3).get(IsoFields.WEEK_BASED_YEAR) : startDate.getYear();
    }

    /** This period's slot in its block, from 1: the month, quarter, ISO week or day of the year; 1 for a year. */
    public int blockSlot() {
        return switch (type) {
            case YEARLY -> 1;
            case QUARTERLY -> (startDate.getMonthValue() - 1) / 3 + 1;
            case MONTHLY -> startDate.getMonthValue();
            case WEEKLY -> startDate.plusDays(3).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case DAILY -> startDate.getDayOfYear();
        };
    }

    /** The period of a type at a slot of a block year: the inverse of {@link #blockYear()} and {@link #blockSlot()}. */
    public static Period inBlock(PeriodType type, int year, int slot) {
        return switch (type) {
            case YEARLY -> year(year);
            case QUARTERLY -> quarter(year, slot);
            case MONTHLY -> month(YearMonth.of(year, slot));
            case WEEKLY -> week(year, slot);
            case DAILY -> day(LocalDate.ofYearDay(year, slot));
        };
    }

    /** How many slots a block of periods of this type has: 1, 4, 12, 53 or 366. */
    public static int blockLength(PeriodType type) {
        return switch (type) {
            case YEARLY -> 1;
            case QUARTERLY -> 4;
            case MONTHLY -> 12;
            case WEEKLY -> 53;
            case DAILY -> 366;
        };
    }

    /** The period of the given coarser type that contains this one (a week belongs to the year of its Thursday). */
    public Period rollUpTo(PeriodType target) {
        if (target == type) {
            return this;
        }
        if (!type.finerThan(target)) {
            throw new IllegalArgumentException(type + " does not roll up to " + target);
        }
        LocalDate anchor = type == PeriodType.WEEKLY ? startDate.plusDays(3) : startDate;
        return switch (target) {
            case YEARLY -> year(anchor.getYear());
            case QUARTERLY -> quarter(anchor.getYear(), (anchor.getMonthValue() - 1) / 3 + 1);
            case MONTHLY -> month(YearMonth.from(anchor));
            case WEEKLY -> week(anchor.get(IsoFields.WEEK_BASED_YEAR), anchor.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case DAILY -> throw new IllegalArgumentException("nothing is finer than a day");
        };
    }

    public boolean contains(Period other) {
        return !other.startDate.isBefore(startDate) && !other.endDate.isAfter(endDate);
    }

    @Override
    public String toString() {
        return id;
    }
}
