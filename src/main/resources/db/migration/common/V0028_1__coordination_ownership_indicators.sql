-- coordination: local ownership as OWNERSHIP indicators fed from the 3W activities by
-- OwnershipIndicatorPublisher, per org unit (the activity's, else its institution's, else its
-- country's top unit) and year. In the shared library (no mission, no country): the values carry
-- the country of their org unit, so users see the values of their scope. Codes are fixed
-- (docs/coordination.md).
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension)
values ('own_led_activities', 'Activities with a lead or co-lead',
        'Activities of the who-does-what-where running in the year that name a lead or co-lead actor (one count per lead or co-lead).',
        'activities', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'OWNERSHIP');
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension)
values ('own_led_national', 'Activities led or co-led by national actors',
        'Activities running in the year whose lead or co-lead is a national actor (host ministry, security institution, oversight body, civil society, community group).',
        'activities', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'OWNERSHIP');
insert into indicator (code, name, definition, unit, value_type, min_value, max_value, aggregation, numerator_id,
        denominator_id, direction, dimension)
select 'own_national_led_share', 'Share of activities led or co-led by national actors',
        'Activities led or co-led by national actors as a percentage of the activities with a lead or co-lead.',
        '%', 'PERCENTAGE', 0, 100, 'RATIO', n.id, d.id, 'HIGHER_IS_BETTER', 'OWNERSHIP'
from indicator n, indicator d where n.code = 'own_led_national' and d.code = 'own_led_activities';
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension)
values ('own_funding', 'Funding recorded',
        'Budgets of the funding actors of activities starting in the year, summed as recorded (whatever the currency).',
        'currency units', 'NUMBER', 0, 'SUM', 'HIGHER_IS_BETTER', 'OWNERSHIP');
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension)
values ('own_funding_national', 'Funding from national actors',
        'Budgets of national funding actors of activities starting in the year.',
        'currency units', 'NUMBER', 0, 'SUM', 'HIGHER_IS_BETTER', 'OWNERSHIP');
insert into indicator (code, name, definition, unit, value_type, min_value, max_value, aggregation, numerator_id,
        denominator_id, direction, dimension)
select 'own_national_funding_share', 'National share of funding',
        'Funding from national actors as a percentage of all funding recorded.',
        '%', 'PERCENTAGE', 0, 100, 'RATIO', n.id, d.id, 'HIGHER_IS_BETTER', 'OWNERSHIP'
from indicator n, indicator d where n.code = 'own_funding_national' and d.code = 'own_funding';
