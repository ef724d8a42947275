-- The version of the stored value a staged row replaces or deletes, noted with its value, so that
-- the import writes only values nobody changed since (a concurrent edit fails the import instead
-- of being overwritten).
alter table value_staging add column old_version integer;
