-- rollup_lay_*(length, slots, elements): an array of the given length with elements[i] at
-- slots[i] and 0 elsewhere. rollup_add_*(a, b): a and b added element by element (a null array or
-- element counts as 0; the result has the length of the longer). One function per element type,
-- as on H2 (org.bluehelm.analytics.RollupArrays), where each is a Java method.
create function rollup_lay(len integer, slots integer[], elements anyarray) returns anyarray
    language plpgsql immutable as $$
declare
    laid alias for $0;
begin
    laid := elements[0:0];
    for i in 1..len loop
        laid[i] := 0;
    end loop;
    for i in 1..coalesce(cardinality(slots), 0) loop
        laid[slots[i]] := elements[i];
    end loop;
    return laid;
end;
$$;
create function rollup_add(a anyarray, b anyarray) returns anyarray
    language plpgsql immutable as $$
declare
    added alias for $0;
begin
    if a is null then
        return b;
    end if;
    if b is null then
        return a;
    end if;
    added := a;
    for i in 1..cardinality(b) loop
        added[i] := coalesce(a[i], 0) + coalesce(b[i], 0);
    end loop;
    return added;
end;
$$;
create function rollup_lay_numeric(len integer, slots integer[], elements numeric[]) returns numeric[]
    language sql immutable as 'select rollup_lay(len, slots, elements)';
create function rollup_lay_count(len integer, slots integer[], elements bigint[]) returns bigint[]
    language sql immutable as 'select rollup_lay(len, slots, elements)';
create function rollup_add_numeric(a numeric[], b numeric[]) returns numeric[]
    language sql immutable as 'select rollup_add(a, b)';
create function rollup_add_count(a bigint[], b bigint[]) returns bigint[]
    language sql immutable as 'select rollup_add(a, b)';
