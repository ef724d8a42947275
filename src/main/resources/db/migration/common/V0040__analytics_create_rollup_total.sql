-- Analytics: the totals of the rollups over their disaggregation options, one row per indicator,
-- period and organisation unit (see docs/adr/0004-analytics-rollups.md, "Totals"). Most questions
-- add the options up; reading these rows instead of every option's row halves what such a query
-- reads and leaves nothing to group. Derived data like analytics_rollup, maintained by the same
-- statements, and filled here from the rollups that exist.
create table analytics_rollup_total (
    indicator_id   bigint         not null,
    period_type    varchar(20)    not null,
    org_unit_level integer        not null,
    org_unit_id    bigint         not null,
    period_id      varchar(20)    not null,
    start_date     date           not null,
    end_date       date           not null,
    mission_id     bigint,
    country_code   char(3)        not null,
    value_sum      numeric(32, 6) not null,
    value_count    bigint         not null,
    primary key (indicator_id, period_type, org_unit_level, org_unit_id, period_id),
    constraint analytics_rollup_total_period_type_check check (period_type in
        ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'))
);

insert into analytics_rollup_total (indicator_id, period_type, org_unit_level, org_unit_id, period_id, start_date,
                                    end_date, mission_id, country_code, value_sum, value_count)
select indicator_id, period_type, org_unit_level, org_unit_id, period_id, min(start_date), max(end_date),
       max(mission_id), max(country_code), sum(value_sum), sum(value_count)
  from analytics_rollup
 group by indicator_id, period_type, org_unit_level, org_unit_id, period_id;
