-- Country-year outcome series of the reference panel: the catalogue (with the source to cite for
-- every figure) and the values. Shipped series have no owner; a series a user uploaded names its
-- uploader, who (with administrators and data stewards) may see it.
create table outcome_series (
    code             varchar(60)   not null primary key,
    label_en         varchar(200)  not null,
    label_fr         varchar(200)  not null,
    source           varchar(200)  not null,
    citation         varchar(2000) not null,
    licence          varchar(200)  not null,
    url              varchar(500)  not null,
    unit             varchar(200)  not null,
    higher_is_better boolean,
    owner            varchar(100),
    uploaded_at      timestamp with time zone,
    version          integer       not null default 1
);
create index outcome_series_owner_idx on outcome_series (owner);

create table outcome_value (
    series_code varchar(60)      not null references outcome_series (code) on delete cascade,
    iso3        char(3)          not null references country (iso3),
    year        integer          not null,
    value       double precision not null,
    primary key (series_code, iso3, year)
);
create index outcome_value_country_idx on outcome_value (iso3, year);
