-- The stored values move into their blocks (V0046) and data_value becomes a view of the blocks
-- with the columns it had, so that every reader keeps its SQL. A value's id is its block's id
-- times 512 plus its slot (a block has at most 366 slots).
insert into block_period (period_id, period_type, block_year, slot, start_date, end_date)
select distinct period_id, period_type, cast(substring(period_id, 1, 4) as integer),
       case period_type
           when 'YEARLY' then 1
           when 'QUARTERLY' then cast(substring(period_id, 6, 1) as integer)
           when 'MONTHLY' then cast(substring(period_id, 5, 2) as integer)
           when 'WEEKLY' then cast(substring(period_id, 6, 2) as integer)
           else cast(extract(doy from start_date) as integer)
       end,
       start_date, end_date
  from data_value;

insert into data_block (indicator_id, org_unit_id, option_id, option_key, period_type, block_year, mission_id,
                        country_code, filled, vals, versions, stored_by, stored_at, comments)
select b.indicator_id, b.org_unit_id, b.option_id, b.option_key, b.period_type, b.block_year, b.mission_id,
       b.country_code, b.filled,
       block_put_numeric(null, b.len, b.slots, b.vals),
       block_put_integer(null, b.len, b.slots, b.versions),
       block_put_text(null, b.len, b.slots, b.stored_by),
       block_put_time(null, b.len, b.slots, b.stored_at),
       block_put_text(null, b.len, b.slots, b.comments)
  from (select d.indicator_id, d.org_unit_id, min(d.option_id) as option_id, d.option_key, d.period_type,
               p.block_year, min(d.mission_id) as mission_id, min(d.country_code) as country_code,
               count(*) as filled,
               case d.period_type when 'YEARLY' then 1 when 'QUARTERLY' then 4 when 'MONTHLY' then 12
                                  when 'WEEKLY' then 53 else 366 end as len,
               array_agg(p.slot order by p.slot) as slots,
               array_agg(d.value order by p.slot) as vals,
               array_agg(d.version order by p.slot) as versions,
               array_agg(d.stored_by order by p.slot) as stored_by,
               array_agg(d.stored_at order by p.slot) as stored_at,
               array_agg(d.comment order by p.slot) as comments
          from data_value d
          join block_period p on p.period_id = d.period_id
         group by d.indicator_id, d.org_unit_id, d.option_key, d.period_type, p.block_year) b;

drop table data_value;

create view data_value as
select b.id * 512 + p.slot as id, b.indicator_id, b.org_unit_id, p.period_id, b.period_type, p.start_date,
       p.end_date, b.option_id, b.option_key, b.vals[p.slot] as value, b.comments[p.slot] as comment,
       b.mission_id, b.country_code, b.stored_by[p.slot] as stored_by, b.stored_at[p.slot] as stored_at,
       b.versions[p.slot] as version
  from data_block b
  join block_period p on p.period_type = b.period_type and p.block_year = b.block_year
 where b.vals[p.slot] is not null;
