-- PostgreSQL only: data_block's references to its indicator, organisation unit and disaggregation
-- option are checked once per statement instead of once per row, as V0042 did for data_value
-- before the values moved into blocks (V0047 dropped those checks with the old table).
--
-- A foreign key is a trigger run for every inserted row. Measured on the benchmark's machine
-- (docs/benchmarks.md, run 19), an import of 1 million values writing 83,334 new blocks spent
-- 0.8 s of its 3.1 s block insert in the three keys' triggers (0.25-0.3 s each). The checks below
-- keep the same guarantee with one set-based statement per reference and per statement:
--   * after blocks are inserted, the distinct ids they reference are locked FOR KEY SHARE (the lock
--     a foreign key takes, so that the referenced row cannot be deleted before the writer commits)
--     and an id that could not be locked (it does not exist, or a concurrent transaction deleted
--     it) fails the statement with SQLSTATE 23503, as a foreign key would;
--   * an update that changes a reference checks the new one row by row (no writer does it);
--   * deleting an indicator, unit or option, or changing its id, that blocks still reference fails
--     with SQLSTATE 23503 (its row is locked first, so a writer that has locked it commits before
--     the check looks).
-- H2 keeps its foreign keys: it checks them with an index look-up in the writing thread.
alter table data_block drop constraint data_block_indicator_fk;
alter table data_block drop constraint data_block_org_unit_fk;
alter table data_block drop constraint data_block_option_fk;

create function data_block_missing_reference(column_name text, table_name text, id bigint) returns void
    language plpgsql as $$
begin
    raise foreign_key_violation using
        message = format('insert or update on table "data_block" violates the reference of %s', column_name),
        detail = format('Key (%s)=(%s) is not present in table "%s".', column_name, id, table_name);
end;
$$;

create function data_block_check_inserted_references() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    with wanted as (select distinct indicator_id as id from inserted_blocks),
         locked as (select i.id from indicator i join wanted w on w.id = i.id for key share of i)
    select min(w.id) into missing from wanted w where not exists (select 1 from locked l where l.id = w.id);
    if missing is not null then
        perform data_block_missing_reference('indicator_id', 'indicator', missing);
    end if;
    with wanted as (select distinct org_unit_id as id from inserted_blocks),
         locked as (select u.id from org_unit u join wanted w on w.id = u.id for key share of u)
    select min(w.id) into missing from wanted w where not exists (select 1 from locked l where l.id = w.id);
    if missing is not null then
        perform data_block_missing_reference('org_unit_id', 'org_unit', missing);
    end if;
    with wanted as (select distinct option_id as id from inserted_blocks where option_id is not null),
         locked as (select o.id from disaggregation_option o join wanted w on w.id = o.id for key share of o)
    select min(w.id) into missing from wanted w where not exists (select 1 from locked l where l.id = w.id);
    if missing is not null then
        perform data_block_missing_reference('option_id', 'disaggregation_option', missing);
    end if;
    return null;
end;
$$;

create trigger data_block_inserted_references after insert on data_block
    referencing new table as inserted_blocks
    for each statement execute function data_block_check_inserted_references();

create function data_block_check_updated_references() returns trigger language plpgsql as $$
begin
    perform 1 from indicator where id = new.indicator_id for key share;
    if not found then
        perform data_block_missing_reference('indicator_id', 'indicator', new.indicator_id);
    end if;
    perform 1 from org_unit where id = new.org_unit_id for key share;
    if not found then
        perform data_block_missing_reference('org_unit_id', 'org_unit', new.org_unit_id);
    end if;
    if new.option_id is not null then
        perform 1 from disaggregation_option where id = new.option_id for key share;
        if not found then
            perform data_block_missing_reference('option_id', 'disaggregation_option', new.option_id);
        end if;
    end if;
    return null;
end;
$$;

create trigger data_block_updated_references after update of indicator_id, org_unit_id, option_id on data_block
    for each row execute function data_block_check_updated_references();

-- Deleting (or re-keying) a referenced row: tg_argv[0] is data_block's column that references it.
create function data_block_refuse_referenced_delete() returns trigger language plpgsql as $$
declare
    used boolean;
begin
    if tg_op = 'UPDATE' and new.id = old.id then
        return new;
    end if;
    execute format('select exists (select 1 from data_block where %I = $1)', tg_argv[0]) into used using old.id;
    if used then
        raise foreign_key_violation using
            message = format('update or delete on table "%s" violates the reference from table "data_block"',
                             tg_table_name),
            detail = format('Key (id)=(%s) is still referenced from table "data_block".', old.id);
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger indicator_data_block_references before delete or update of id on indicator
    for each row execute function data_block_refuse_referenced_delete('indicator_id');
create trigger org_unit_data_block_references before delete or update of id on org_unit
    for each row execute function data_block_refuse_referenced_delete('org_unit_id');
create trigger disaggregation_option_data_block_references before delete or update of id on disaggregation_option
    for each row execute function data_block_refuse_referenced_delete('option_id');
