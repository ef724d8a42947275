-- PostgreSQL: data_value's per-statement reference checks (V0042) go with the table; data_block
-- has plain foreign keys, checked once per block.
drop trigger if exists indicator_data_value_references on indicator;
drop trigger if exists org_unit_data_value_references on org_unit;
drop trigger if exists disaggregation_option_data_value_references on disaggregation_option;
drop trigger if exists data_value_inserted_references on data_value;
drop trigger if exists data_value_updated_references on data_value;
drop function if exists data_value_refuse_referenced_delete();
drop function if exists data_value_check_inserted_references();
drop function if exists data_value_check_updated_references();
drop function if exists data_value_missing_reference(text, text, bigint);

-- block_put_*(base, length, slots, elements): base with elements[i] at slots[i]; a base of null is
-- an array of the given length with nulls elsewhere. One function per element type, as on H2
-- (org.bluehelm.measurement.BlockArrays), where each is a Java method.
create function block_put(base anyarray, len integer, slots integer[], elements anyarray) returns anyarray
    language plpgsql immutable as $$
begin
    if base is null then
        base := elements[0:0];
        for i in 1..len loop
            base[i] := null;
        end loop;
    end if;
    for i in 1..coalesce(cardinality(slots), 0) loop
        base[slots[i]] := elements[i];
    end loop;
    return base;
end;
$$;
create function block_put_numeric(base numeric[], len integer, slots integer[], elements numeric[]) returns numeric[]
    language sql immutable as 'select block_put(base, len, slots, elements)';
create function block_put_integer(base integer[], len integer, slots integer[], elements integer[]) returns integer[]
    language sql immutable as 'select block_put(base, len, slots, elements)';
create function block_put_text(base varchar[], len integer, slots integer[], elements varchar[]) returns varchar[]
    language sql immutable as 'select block_put(base, len, slots, elements)';
create function block_put_time(base timestamptz[], len integer, slots integer[], elements timestamptz[])
    returns timestamptz[] language sql immutable as 'select block_put(base, len, slots, elements)';

-- Whether each stored version at slots[i] is expected[i] (null: no value stored there).
create function block_versions_match(stored integer[], slots integer[], expected integer[]) returns boolean
    language plpgsql immutable as $$
begin
    for i in 1..coalesce(cardinality(slots), 0) loop
        if stored[slots[i]] is distinct from expected[i] then
            return false;
        end if;
    end loop;
    return true;
end;
$$;
