-- H2 only: hand out data value ids from a cache of 10,000 instead of 32. With WRITE_DELAY=0 every
-- time H2 refills an identity's cache it commits and writes the store to disk, so a bulk write of
-- data values paused for a full store write every 32 rows (see docs/benchmarks.md). Ids after a
-- restart may skip up to the cache size; they are never reused.
alter table data_value alter column id set cache 10000;
