-- Foundation schema: the four stages plus the event outbox/log and the consumers' inbox.
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL. Ids are assigned by the
-- application (UUID text), so no identity columns or sequences are needed.

-- events -------------------------------------------------------------------------------------
create table event_log (
    event_id        varchar(36)   not null primary key,
    event_type      varchar(64)   not null,
    schema_version  integer       not null,
    occurred_at     timestamp with time zone not null,
    correlation_id  varchar(64)   not null,
    causation_id    varchar(36),
    subject_id      varchar(64)   not null,
    payload         varchar(8000) not null,
    published_at    timestamp with time zone,
    publish_attempts integer      not null default 0
);
create index event_log_unpublished on event_log (published_at, occurred_at);
create index event_log_correlation on event_log (correlation_id, occurred_at);
create index event_log_type on event_log (event_type, occurred_at);
create index event_log_occurred on event_log (occurred_at);

create table processed_event (
    consumer      varchar(32) not null,
    event_id      varchar(36) not null,
    processed_at  timestamp with time zone not null,
    primary key (consumer, event_id)
);

-- allocation ---------------------------------------------------------------------------------
create table chip_model (
    code          varchar(32)  not null primary key,
    process_node  varchar(16)  not null,
    description   varchar(200)
);

create table wafer_lot (
    id              varchar(36)  not null primary key,
    lot_number      varchar(40)  not null unique,
    chip_model      varchar(32)  not null references chip_model (code),
    wafer_count     integer      not null check (wafer_count > 0),
    received_at     timestamp with time zone not null,
    correlation_id  varchar(64)  not null,
    version         bigint       not null
);

create table lot_bin (
    id              varchar(36)  not null primary key,
    lot_id          varchar(36)  not null references wafer_lot (id),
    bin             varchar(16)  not null,
    good_dies       integer      not null,
    allocated_dies  integer      not null,
    version         bigint       not null,
    constraint lot_bin_unique unique (lot_id, bin),
    -- last line of defence: the database itself refuses an over-allocation
    constraint lot_bin_within_stock check (allocated_dies >= 0 and allocated_dies <= good_dies)
);

create table build_order (
    id                  varchar(36)  not null primary key,
    order_number        varchar(40)  not null unique,
    product             varchar(80)  not null,
    chip_model          varchar(32)  not null references chip_model (code),
    chips_per_board     integer      not null check (chips_per_board > 0),
    boards_per_machine  integer      not null check (boards_per_machine > 0),
    machines            integer      not null check (machines > 0),
    due_date            date         not null,
    customer_order_ref  varchar(40),
    status              varchar(16)  not null,
    correlation_id      varchar(64)  not null,
    created_at          timestamp with time zone not null,
    version             bigint       not null
);

create table die_allocation (
    id              varchar(36)  not null primary key,
    build_order_id  varchar(36)  not null references build_order (id),
    lot_bin_id      varchar(36)  not null references lot_bin (id),
    dies            integer      not null check (dies > 0),
    dies_consumed   integer      not null default 0,
    status          varchar(16)  not null,
    allocated_at    timestamp with time zone not null,
    released_at     timestamp with time zone,
    version         bigint       not null
);
create index die_allocation_order on die_allocation (build_order_id);

-- assembly -----------------------------------------------------------------------------------
create table factory (
    id            varchar(36)  not null primary key,
    code          varchar(20)  not null unique,
    name          varchar(120) not null,
    sub_district  varchar(40)  not null
);

create table assembly_line (
    id               varchar(36) not null primary key,
    factory_id       varchar(36) not null references factory (id),
    code             varchar(20) not null,
    boards_per_shift integer     not null check (boards_per_shift > 0),
    shifts_per_day   integer     not null check (shifts_per_day between 1 and 3),
    constraint assembly_line_unique unique (factory_id, code)
);

-- assembly's own view of a build order's dies, fed by allocation events
create table build_kit (
    build_order_id      varchar(36) not null primary key,
    order_number        varchar(40) not null,
    chip_model          varchar(32) not null,
    chips_per_board     integer     not null,
    boards_per_machine  integer     not null,
    machines            integer     not null,
    correlation_id      varchar(64) not null,
    version             bigint      not null
);

create table kit_line (
    allocation_id   varchar(36) not null primary key,
    build_order_id  varchar(36) not null references build_kit (build_order_id),
    lot_id          varchar(36) not null,
    lot_number      varchar(40) not null,
    bin             varchar(16) not null,
    dies            integer     not null,
    dies_consumed   integer     not null,
    released        boolean     not null,
    allocated_at    timestamp with time zone not null,
    version         bigint      not null,
    constraint kit_line_within check (dies_consumed >= 0 and dies_consumed <= dies)
);

create table build_schedule (
    id              varchar(36) not null primary key,
    build_order_id  varchar(36) not null references build_kit (build_order_id),
    line_id         varchar(36) not null references assembly_line (id),
    boards          integer     not null check (boards > 0),
    start_date      date        not null,
    end_date        date        not null,
    scheduled_at    timestamp with time zone not null
);

create table machine (
    serial               varchar(40) not null primary key,
    build_order_id       varchar(36) not null references build_kit (build_order_id),
    control_board_serial varchar(40) not null unique,
    psu_serial           varchar(40) not null unique,
    status               varchar(16) not null,
    assembled_at         timestamp with time zone not null,
    version              bigint      not null
);

create table hashboard (
    serial          varchar(40) not null primary key,
    build_order_id  varchar(36) not null references build_kit (build_order_id),
    line_id         varchar(36) not null references assembly_line (id),
    chip_model      varchar(32) not null,
    dies            integer     not null,
    status          varchar(16) not null,
    machine_serial  varchar(40) references machine (serial),
    assembled_at    timestamp with time zone not null,
    version         bigint      not null
);
create index hashboard_order on hashboard (build_order_id);

-- where a board's dies came from: lot and bin, through the allocation
create table board_die_source (
    board_serial   varchar(40) not null references hashboard (serial),
    allocation_id  varchar(36) not null,
    lot_id         varchar(36) not null,
    lot_number     varchar(40) not null,
    bin            varchar(16) not null,
    dies           integer     not null check (dies > 0),
    primary key (board_serial, allocation_id)
);

-- qa -----------------------------------------------------------------------------------------
create table qa_unit (
    serial           varchar(40) not null primary key,
    kind             varchar(8)  not null,
    build_order_id   varchar(36) not null,
    chains           integer     not null,
    chips_per_chain  integer     not null,
    status           varchar(16) not null,
    attempts         integer     not null,
    correlation_id   varchar(64) not null,
    updated_at       timestamp with time zone not null,
    version          bigint      not null
);
create index qa_unit_status on qa_unit (status);

create table qa_test (
    id               varchar(36)  not null primary key,
    serial           varchar(40)  not null references qa_unit (serial),
    attempt          integer      not null,
    hashrate_ths     numeric(9,3) not null,
    power_w          numeric(9,1) not null,
    efficiency_jth   numeric(9,3) not null,
    chips_detected   varchar(200) not null,
    max_temp_c       numeric(5,1),
    outcome          varchar(8)   not null,
    failure_code     varchar(32),
    note             varchar(500),
    tested_at        timestamp with time zone not null,
    constraint qa_test_attempt unique (serial, attempt)
);

create table qa_disposition (
    id          varchar(36)  not null primary key,
    serial      varchar(40)  not null references qa_unit (serial),
    action      varchar(8)   not null,
    note        varchar(500) not null,
    decided_at  timestamp with time zone not null
);

-- shipping -----------------------------------------------------------------------------------
create table customer (
    id       varchar(36)  not null primary key,
    name     varchar(120) not null,
    country  varchar(2)   not null
);

create table shippable_machine (
    serial          varchar(40) not null primary key,
    build_order_id  varchar(36) not null,
    correlation_id  varchar(64) not null,
    shipment_id     varchar(36),
    ready_at        timestamp with time zone not null,
    version         bigint      not null
);

create table shipment (
    id                   varchar(36)   not null primary key,
    customer_id          varchar(36)   not null references customer (id),
    mode                 varchar(8)    not null,
    carrier              varchar(60)   not null,
    incoterm             varchar(3)    not null,
    destination_country  varchar(2)    not null,
    hs_code              varchar(10)   not null,
    declared_value_usd   numeric(14,2) not null,
    status               varchar(20)   not null,
    correlation_id       varchar(64)   not null,
    booked_at            timestamp with time zone not null,
    version              bigint        not null
);

create table shipment_milestone (
    id           varchar(36)  not null primary key,
    shipment_id  varchar(36)  not null references shipment (id),
    milestone    varchar(20)  not null,
    occurred_at  timestamp with time zone not null,
    location     varchar(120),
    note         varchar(500)
);
create index shipment_milestone_shipment on shipment_milestone (shipment_id);
