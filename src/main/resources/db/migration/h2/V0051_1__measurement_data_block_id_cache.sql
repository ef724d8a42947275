-- H2 only: hand out value block ids from a cache of 10,000 instead of 32, as V0023 did for the
-- data_value table the blocks replaced (V0046 created data_block without it). With WRITE_DELAY=0
-- every time H2 refills an identity's cache it commits and writes the store to disk: an import of 1
-- million values writing 83,334 new blocks spent 3 of its 22 s refilling it (docs/benchmarks.md,
-- run 19). Ids after a restart may skip up to the cache size; they are never reused.
alter table data_block alter column id set cache 10000;
