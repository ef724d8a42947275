-- The staged rows of an import never outlive its transaction: no write-ahead log for them.
alter table value_staging set unlogged;
