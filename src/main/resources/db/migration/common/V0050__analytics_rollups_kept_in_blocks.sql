-- Analytics: the rollups kept in blocks of a year, as the data values are since V0046
-- (docs/adr/0006-values-in-blocks.md, addendum): one row per indicator, period type, level,
-- organisation unit (and option) and year, holding the sums and counts of that year's periods in
-- arrays indexed by the period's slot (month 1-12, quarter 1-4, ISO week 1-53, day of the year
-- 1-366, the year itself 1). An import adds to one row per block instead of one per cell. Readers
-- keep reading analytics_rollup and analytics_rollup_total, which become views of the blocks.
--
-- The rollups are derived data: the old tables are dropped, and emptying the period map makes the
-- application build the blocks from the data values when it starts (RollupMaintainer.buildWhenMissing).
drop table analytics_rollup_total;
drop table analytics_rollup;
delete from analytics_period_map;

-- Each period the rollups use (the values' periods and every coarser period containing them), with
-- its block's year and its slot in the block. Written with the period map; the rows never change.
create table analytics_period (
    period_id   varchar(20) primary key,
    period_type varchar(20) not null,
    block_year  integer     not null,
    slot        integer     not null,
    start_date  date        not null,
    end_date    date        not null,
    constraint analytics_period_slot_key unique (period_type, block_year, slot),
    constraint analytics_period_slot_check check (slot between 1 and 366)
);

-- The sums and counts of an indicator and option in an organisation unit's subtree (the unit
-- included), per period of one type and year (values of the period and of finer periods inside
-- it). The arrays have the length of the period type (12 for months, ...); an element is 0 (or
-- null) where the subtree has no value. option_key is 0 for values recorded without an option.
-- mission_id and country_code copy the scope of the values (fixed per indicator and unit).
create table analytics_rollup_block (
    indicator_id   bigint                  not null,
    period_type    varchar(20)             not null,
    org_unit_level integer                 not null,
    org_unit_id    bigint                  not null,
    option_key     bigint                  not null,
    block_year     integer                 not null,
    mission_id     bigint,
    country_code   char(3)                 not null,
    sums           numeric(32, 6) array    not null,
    counts         bigint array            not null,
    primary key (indicator_id, period_type, org_unit_level, org_unit_id, option_key, block_year),
    constraint analytics_rollup_block_period_type_check check (period_type in
        ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'))
);

-- The same added up over the options (what most questions ask for, read without grouping).
create table analytics_rollup_total_block (
    indicator_id   bigint                  not null,
    period_type    varchar(20)             not null,
    org_unit_level integer                 not null,
    org_unit_id    bigint                  not null,
    block_year     integer                 not null,
    mission_id     bigint,
    country_code   char(3)                 not null,
    sums           numeric(32, 6) array    not null,
    counts         bigint array            not null,
    primary key (indicator_id, period_type, org_unit_level, org_unit_id, block_year),
    constraint analytics_rollup_total_block_period_type_check check (period_type in
        ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'))
);

-- The cells as the tables of V0011 and V0040 had them, one row per period with values.
create view analytics_rollup as
select b.indicator_id, b.period_type, b.org_unit_level, b.org_unit_id, p.period_id, b.option_key, p.start_date,
       p.end_date, b.mission_id, b.country_code, b.sums[p.slot] as value_sum, b.counts[p.slot] as value_count
  from analytics_rollup_block b
  join analytics_period p on p.period_type = b.period_type and p.block_year = b.block_year
 where b.counts[p.slot] <> 0;

create view analytics_rollup_total as
select b.indicator_id, b.period_type, b.org_unit_level, b.org_unit_id, p.period_id, p.start_date, p.end_date,
       b.mission_id, b.country_code, b.sums[p.slot] as value_sum, b.counts[p.slot] as value_count
  from analytics_rollup_total_block b
  join analytics_period p on p.period_type = b.period_type and p.block_year = b.block_year
 where b.counts[p.slot] <> 0;
