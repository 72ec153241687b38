-- Build orders can be cancelled or reduced; assembly stops planning a cancelled order.
alter table build_kit add column cancelled boolean default false not null;

-- Dies consigned to a contract factory and dies it reports scrapped; boards it returns are
-- counted from the hashboards built on its lines.
create table consignment_movement (
    id           varchar(36)  not null primary key,
    factory_id   varchar(36)  not null references factory (id),
    chip_model   varchar(32)  not null,
    kind         varchar(12)  not null,
    dies         integer      not null check (dies > 0),
    reference    varchar(80)  not null,
    recorded_at  timestamp with time zone not null
);
create index consignment_movement_factory on consignment_movement (factory_id, chip_model);

-- a stock count at the factory and how it compared with what should be there
create table consignment_count (
    id              varchar(36)  not null primary key,
    factory_id      varchar(36)  not null references factory (id),
    chip_model      varchar(32)  not null,
    dies_counted    integer      not null check (dies_counted >= 0),
    dies_expected   integer      not null,
    difference      integer      not null,
    tolerance_dies  integer      not null,
    flagged         boolean      not null,
    counted_at      timestamp with time zone not null
);
create index consignment_count_factory on consignment_count (factory_id, chip_model, counted_at);
