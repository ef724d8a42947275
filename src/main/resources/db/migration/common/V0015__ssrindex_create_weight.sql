-- The weights of indicators in the SSR composite index. An indicator without a row weighs 1, so
-- that every indicator of a dimension counts equally until someone decides otherwise.
create table ssr_index_weight (
    indicator_id bigint         not null primary key references indicator (id) on delete cascade,
    weight       numeric(12, 4) not null,
    version      integer        not null default 1,
    updated_by   varchar(64)    not null,
    updated_at   timestamp with time zone not null,
    constraint ssr_index_weight_positive_check check (weight > 0)
);
