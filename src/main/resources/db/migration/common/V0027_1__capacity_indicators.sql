-- capacity: CAPACITY and OWNERSHIP indicators fed from the training records (codes in docs/capacity.md).
-- In the shared library (no mission, no country): the values carry the country of their org unit.
-- CapacityIndicatorPublisher writes the counts per org unit and quarter; the rates are RATIO indicators
-- over them, computed by the engine. Counts of people have suppress_below 5, so public and partner
-- outputs suppress small cells (and the rates resting on them).
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension)
values ('cap_personnel', 'Personnel (actual strength)',
        'Actual strength of the institutions of an org unit in the year, recorded for each quarter of the year.',
        'personnel', 'INTEGER', 0, 'LAST_VALUE', 'HIGHER_IS_BETTER', 'CONTEXT');
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension,
        suppress_below)
values ('cap_personnel_trained', 'Personnel trained (to date)',
        'Distinct members of personnel of the org unit''s institutions who attended a training event ending by the end of the quarter.',
        'personnel', 'INTEGER', 0, 'LAST_VALUE', 'HIGHER_IS_BETTER', 'CAPACITY', 5);
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension,
        suppress_below)
values ('cap_trained_in_service', 'Trained personnel still in service',
        'Of the personnel trained to date, those still recorded in service.',
        'personnel', 'INTEGER', 0, 'LAST_VALUE', 'HIGHER_IS_BETTER', 'CAPACITY', 5);
insert into indicator (code, name, definition, unit, value_type, aggregation, numerator_id, denominator_id,
        direction, dimension, suppress_below)
select 'cap_training_coverage', 'Training coverage',
        'Share of the actual strength trained to date (any competency).',
        '%', 'PERCENTAGE', 'RATIO', n.id, d.id, 'HIGHER_IS_BETTER', 'CAPACITY', 5
from indicator n, indicator d where n.code = 'cap_personnel_trained' and d.code = 'cap_personnel';
insert into indicator (code, name, definition, unit, value_type, aggregation, numerator_id, denominator_id,
        direction, dimension, suppress_below)
select 'cap_retention', 'Retention of trained personnel',
        'Share of the personnel trained to date still in service.',
        '%', 'PERCENTAGE', 'RATIO', n.id, d.id, 'HIGHER_IS_BETTER', 'CAPACITY', 5
from indicator n, indicator d where n.code = 'cap_trained_in_service' and d.code = 'cap_personnel_trained';
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension,
        suppress_below)
values ('cap_scored_participants', 'Participants with pre- and post-test scores',
        'Participants who attended an event ending in the quarter and have both test scores.',
        'participants', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'CAPACITY', 5);
insert into indicator (code, name, definition, unit, value_type, aggregation, direction, dimension)
values ('cap_score_gain_points', 'Test score gain (points, summed)',
        'Sum over scored participants of post-test minus pre-test score.',
        'points', 'NUMBER', 'SUM', 'HIGHER_IS_BETTER', 'CAPACITY');
insert into indicator (code, name, definition, unit, value_type, aggregation, numerator_id, denominator_id,
        direction, dimension, suppress_below)
select 'cap_knowledge_gain', 'Knowledge gain',
        'Mean post-test minus pre-test score (points out of 100) of the participants of events ending in the quarter.',
        'points', 'NUMBER', 'RATIO', n.id, d.id, 'HIGHER_IS_BETTER', 'CAPACITY', 5
from indicator n, indicator d where n.code = 'cap_score_gain_points' and d.code = 'cap_scored_participants';
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension)
values ('cap_trainers', 'Trainers',
        'Trainers of the training events ending in the quarter, national and international.',
        'trainers', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'OWNERSHIP');
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension)
values ('cap_national_trainers', 'National trainers',
        'National trainers of the training events ending in the quarter.',
        'trainers', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'OWNERSHIP');
insert into indicator (code, name, definition, unit, value_type, aggregation, numerator_id, denominator_id,
        direction, dimension)
select 'cap_national_trainer_share', 'Training delivered by national trainers',
        'Share of the trainers of the events ending in the quarter who are national.',
        '%', 'PERCENTAGE', 'RATIO', n.id, d.id, 'HIGHER_IS_BETTER', 'OWNERSHIP'
from indicator n, indicator d where n.code = 'cap_national_trainers' and d.code = 'cap_trainers';
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension,
        suppress_below)
values ('cap_participants_attended', 'Participants who attended',
        'Participants who attended a training event ending in the quarter.',
        'participants', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'CAPACITY', 5);
insert into indicator (code, name, definition, unit, value_type, min_value, aggregation, direction, dimension,
        suppress_below)
values ('cap_followup_participants', 'Participants in follow-up training',
        'Participants who attended an event ending in the quarter after an earlier event in the same competency area.',
        'participants', 'INTEGER', 0, 'SUM', 'HIGHER_IS_BETTER', 'CAPACITY', 5);
insert into indicator (code, name, definition, unit, value_type, aggregation, numerator_id, denominator_id,
        direction, dimension, suppress_below)
select 'cap_continuity', 'Training continuity',
        'Share of the participants of the quarter who follow up earlier training in the same competency (repeat and follow-up versus one-off).',
        '%', 'PERCENTAGE', 'RATIO', n.id, d.id, 'HIGHER_IS_BETTER', 'CAPACITY', 5
from indicator n, indicator d where n.code = 'cap_followup_participants' and d.code = 'cap_participants_attended';
