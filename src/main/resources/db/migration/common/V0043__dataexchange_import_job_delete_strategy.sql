-- Imports may delete the stored values a file lists (DHIS2's importStrategy DELETE); the job
-- records how many it deleted.
alter table import_job drop constraint import_job_strategy_check;
alter table import_job add constraint import_job_strategy_check
    check (strategy in ('CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'));
alter table import_job add column deleted bigint not null default 0;
