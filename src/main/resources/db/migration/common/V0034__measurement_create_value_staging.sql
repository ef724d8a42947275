-- Values of an import on their way into data_value (see BulkValueService.Session#stage): every
-- row that passed its checks, with its line in the file, its key, the period's type and dates and
-- the scope columns data_value copies in, so that duplicates, stored values, the write into
-- data_value and the rollup deltas are each found with one set-based statement. batch_id is the
-- import job's id. existing_id and old_value are filled from data_value just before the write.
-- Rows live only inside the importing transaction: they are deleted when it ends.
create table value_staging (
    batch_id     bigint         not null,
    line         bigint         not null,
    indicator_id bigint         not null,
    org_unit_id  bigint         not null,
    period_id    varchar(20)    not null,
    period_type  varchar(20)    not null,
    start_date   date           not null,
    end_date     date           not null,
    option_key   bigint         not null,
    value        numeric(20, 6) not null,
    comment      varchar(1000),
    mission_id   bigint,
    country_code char(3)        not null,
    existing_id  bigint,
    old_value    numeric(20, 6),
    primary key (batch_id, line)
);
