-- complaint: de-identified ACCOUNTABILITY indicators fed from the cases, and small-cell suppression.
-- suppress_below: in public and partner outputs a cell of this indicator whose count is under this
-- number is suppressed (shown as "<5", no value). For a RATIO the counts are those of its numerator
-- and denominator that have a suppress_below themselves. Null: never suppressed.
alter table indicator add column suppress_below integer;
alter table indicator add constraint indicator_suppress_below_check check (suppress_below is null or suppress_below >= 1);

-- The indicators are in the shared library (no mission, no country): the values carry the country of
-- their org unit, so users see the values of their scope. Codes are fixed (docs/accountability.md);
-- AccountabilityIndicatorPublisher writes their values per institution org unit and quarter.
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension,
        suppress_below)
values ('acc_complaints_received', 'Complaints received',
        'Complaints and misconduct cases received in the quarter about the institutions of an org unit (counted once an institution is set).',
        'complaints', 'INTEGER', 0, 'SUM', 'LOWER_IS_BETTER', 'ACCOUNTABILITY', 5);
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension)
values ('acc_personnel', 'Personnel (thousands)',
        'Actual strength of the institutions of an org unit in the year, in thousands, recorded for each quarter of the year.',
        'thousand personnel', 'NUMBER', 0, 'LAST_VALUE', 'HIGHER_IS_BETTER', 'CONTEXT');
insert into indicator (code, name, definition, unit, value_type, aggregation, numerator_id, denominator_id,
        direction, dimension, suppress_below)
select 'acc_complaints_per_1000', 'Complaints per 1,000 personnel',
        'Complaints received per 1,000 personnel of the institutions complained about (per quarter; over a year, the average quarter).',
        'per 1,000 personnel', 'NUMBER', 'RATIO', n.id, d.id, 'LOWER_IS_BETTER', 'ACCOUNTABILITY', 5
from indicator n, indicator d where n.code = 'acc_complaints_received' and d.code = 'acc_personnel';
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension,
        suppress_below)
values ('acc_cases_closed', 'Cases closed',
        'Cases closed in the quarter, whatever their outcome, by the org unit of the institution complained about.',
        'cases', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'ACCOUNTABILITY', 5);
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension,
        suppress_below)
values ('acc_cases_decided', 'Cases closed substantiated or unsubstantiated',
        'Cases closed in the quarter as substantiated or unsubstantiated (withdrawn and referred outcomes left out).',
        'cases', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'ACCOUNTABILITY', 5);
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension,
        suppress_below)
values ('acc_cases_substantiated', 'Cases substantiated',
        'Cases closed in the quarter as substantiated.',
        'cases', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'ACCOUNTABILITY', 5);
insert into indicator (code, name, definition, unit, value_type, min_value, max_value, aggregation, numerator_id,
        denominator_id, direction, dimension, suppress_below)
select 'acc_substantiated_share', 'Share of cases substantiated',
        'Cases substantiated as a percentage of those closed substantiated or unsubstantiated.',
        '%', 'PERCENTAGE', 0, 100, 'RATIO', n.id, d.id, 'HIGHER_IS_BETTER', 'ACCOUNTABILITY', 5
from indicator n, indicator d where n.code = 'acc_cases_substantiated' and d.code = 'acc_cases_decided';
