-- An indicator's values appear on the public transparency portal only when it is released for the
-- public (and only its approved values, with small cells suppressed). Nothing is public unless chosen.
alter table indicator add column public_release boolean not null default false;
