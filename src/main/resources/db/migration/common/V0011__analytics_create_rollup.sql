-- Analytics: pre-aggregated rollups of data values, kept up to date in the transaction that writes
-- the values (see docs/adr/0004-analytics-rollups.md). Every table here is derived data: it can be
-- emptied and rebuilt from data_value and the organisation unit hierarchy at any time, so none of
-- them has foreign keys.

-- Analytics' copy of the hierarchy: each organisation unit with each of its ancestors (itself
-- included) and the ancestor's level. A value of a unit counts for every one of these ancestors.
create table analytics_unit_ancestor (
    org_unit_id    bigint  not null,
    ancestor_id    bigint  not null,
    ancestor_level integer not null,
    primary key (org_unit_id, ancestor_id)
);
create index analytics_unit_ancestor_ancestor_idx on analytics_unit_ancestor (ancestor_id, org_unit_id);

-- Each period that data values use, with itself and every coarser period that contains it
-- (202402 -> 202402, 2024Q1, 2024): a value counts for each of these periods.
create table analytics_period_map (
    period_id    varchar(20) not null,
    target_type  varchar(20) not null,
    target_id    varchar(20) not null,
    target_start date        not null,
    target_end   date        not null,
    primary key (period_id, target_type),
    constraint analytics_period_map_type_check check (target_type in
        ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'))
);

-- The sum and count of the values of an indicator and option in an organisation unit's subtree
-- (the unit included) and a period (values of that period and of finer periods inside it).
-- option_key is 0 for values recorded without a disaggregation option. A row whose value_count
-- fell to 0 (its values were deleted) stays until the next rebuild and is read as no value.
-- mission_id and country_code copy the scope of the values (fixed per indicator and unit).
create table analytics_rollup (
    indicator_id   bigint         not null,
    period_type    varchar(20)    not null,
    org_unit_level integer        not null,
    org_unit_id    bigint         not null,
    period_id      varchar(20)    not null,
    option_key     bigint         not null,
    start_date     date           not null,
    end_date       date           not null,
    mission_id     bigint,
    country_code   char(3)        not null,
    value_sum      numeric(32, 6) not null,
    value_count    bigint         not null,
    primary key (indicator_id, period_type, org_unit_level, org_unit_id, period_id, option_key),
    constraint analytics_rollup_period_type_check check (period_type in
        ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'))
);

-- Changes of one write, staged so that they are fanned out over ancestors and periods by one
-- statement; rows live only inside the writing transaction.
create sequence analytics_change_seq;
create table analytics_change (
    batch_id     bigint         not null,
    indicator_id bigint         not null,
    org_unit_id  bigint         not null,
    period_id    varchar(20)    not null,
    option_key   bigint         not null,
    mission_id   bigint,
    country_code char(3)        not null,
    value_delta  numeric(32, 6) not null,
    count_delta  integer        not null
);
create index analytics_change_batch_idx on analytics_change (batch_id);
