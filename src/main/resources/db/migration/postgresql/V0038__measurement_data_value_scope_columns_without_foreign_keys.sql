-- data_value.mission_id and data_value.country_code copy the scope of the value's indicator and
-- unit (both checked by every writer, and both keys of reference data that is never deleted). On
-- PostgreSQL each foreign key is a trigger run once per inserted row: together they took about a
-- quarter of the time of a large import. The keys that protect real references (indicator,
-- organisation unit, disaggregation option) stay. H2 checks a foreign key with an index look-up
-- and keeps them.
alter table data_value drop constraint if exists data_value_mission_id_fkey;
alter table data_value drop constraint if exists data_value_country_code_fkey;
