-- import_row (imports stage their rows in value_staging since V0034) and analytics_change (rollup
-- changes are fanned out in memory or from value_staging) are no longer written or read.
drop index if exists import_row_key_idx;
drop table if exists import_row;
drop index if exists analytics_change_batch_idx;
drop table if exists analytics_change;
drop sequence if exists analytics_change_seq;
