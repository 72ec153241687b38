-- Planning on the allocation side: bins defined per chip model, products with their minimum
-- bin and allowed substitutes, build order priority, reservations that expire unless
-- confirmed, audited re-assignments between orders and audited lot corrections.

create table bin_definition (
    chip_model      varchar(32)  not null references chip_model (code),
    bin             varchar(16)  not null,
    -- 1 is the best bin (highest frequency at the lowest voltage)
    bin_rank        integer      not null check (bin_rank > 0),
    frequency_mhz   integer      not null check (frequency_mhz > 0),
    voltage_mv      integer      not null check (voltage_mv > 0),
    efficiency_jth  numeric(6,2) not null check (efficiency_jth > 0),
    primary key (chip_model, bin),
    constraint bin_definition_rank unique (chip_model, bin_rank)
);

create table product (
    code                varchar(40)  not null primary key,
    name                varchar(80)  not null,
    chip_model          varchar(32)  not null references chip_model (code),
    chips_per_board     integer      not null check (chips_per_board > 0),
    boards_per_machine  integer      not null check (boards_per_machine > 0),
    min_bin             varchar(16)  not null,
    foreign key (chip_model, min_bin) references bin_definition (chip_model, bin)
);

-- better bins that may stand in for the product's minimum bin
create table product_substitute (
    product  varchar(40) not null references product (code),
    bin      varchar(16) not null,
    primary key (product, bin)
);

-- 1 is the most urgent
alter table build_order add column priority integer default 5 not null;

-- RESERVED allocations expire at expires_at unless confirmed
alter table die_allocation add column expires_at timestamp with time zone;
create index die_allocation_expiry on die_allocation (status, expires_at);
create index die_allocation_lot_bin on die_allocation (lot_bin_id);

create table die_reassignment (
    id              varchar(36)  not null primary key,
    from_order_id   varchar(36)  not null references build_order (id),
    to_order_id     varchar(36)  not null references build_order (id),
    dies            integer      not null check (dies > 0),
    reason          varchar(300) not null,
    reassigned_at   timestamp with time zone not null
);

create table lot_correction (
    id            varchar(36)  not null primary key,
    lot_id        varchar(36)  not null references wafer_lot (id),
    bin           varchar(16)  not null,
    good_before   integer      not null,
    good_after    integer      not null check (good_after >= 0),
    dies_withdrawn integer     not null,
    reason        varchar(300) not null,
    corrected_at  timestamp with time zone not null
);
create index lot_correction_lot on lot_correction (lot_id, corrected_at);

-- assembly learns the product, due date and priority of an order from its events, for scheduling
alter table build_kit add column product varchar(40);
alter table build_kit add column due_date date;
alter table build_kit add column priority integer default 5 not null;
