-- A lot can be put on a quality hold (e.g. a wafer-sort excursion) and released; every hold
-- and release is kept with its reason and time.
alter table wafer_lot add column on_hold boolean default false not null;

create table lot_hold (
    id          varchar(36)  not null primary key,
    lot_id      varchar(36)  not null references wafer_lot (id),
    action      varchar(8)   not null,
    reason      varchar(300) not null,
    decided_at  timestamp with time zone not null
);
create index lot_hold_lot on lot_hold (lot_id, decided_at);
