-- Logistics sells machines by grade (issue 13, first part): the warehouse knows each machine's
-- model and grade (from MachineReadyToShip and MachineGraded), customer orders ask for a model at
-- a minimum grade, payments are recorded, and machines are reserved to orders by serial.
alter table shippable_machine add column product varchar(80);
alter table shippable_machine add column grade_ths numeric(9,1);
alter table shippable_machine add column grade_jth numeric(9,2);
alter table shippable_machine add column reserved_order_id varchar(36);
create index shippable_machine_stock on shippable_machine (product, shipment_id, reserved_order_id);

create table customer_order (
    id                    varchar(36)   not null primary key,
    order_number          varchar(40)   not null unique,
    customer_id           varchar(36)   not null references customer (id),
    product               varchar(80)   not null,
    machines              integer       not null check (machines > 0),
    min_grade_ths         numeric(9,1)  not null check (min_grade_ths >= 0),
    max_grade_jth         numeric(9,2)  not null check (max_grade_jth > 0),
    higher_grade_allowed  boolean       not null,
    promised_date         date          not null,
    unit_price            numeric(14,2) not null check (unit_price > 0),
    currency              varchar(3)    not null,
    deposit               numeric(14,2) not null check (deposit >= 0),
    created_by            varchar(64)   not null,
    created_at            timestamp with time zone not null,
    version               bigint        not null
);

create table customer_payment (
    id           varchar(36)   not null primary key,
    order_id     varchar(36)   not null references customer_order (id),
    amount       numeric(14,2) not null check (amount > 0),
    received_on  date          not null,
    reference    varchar(80)   not null,
    recorded_by  varchar(64)   not null,
    recorded_at  timestamp with time zone not null
);
create index customer_payment_order on customer_payment (order_id);

-- a grade that arrives before its machine is in the warehouse: events of one transaction carry
-- the same time and need not arrive in the order they were written
create table shipping_grade (
    serial     varchar(40)  not null primary key,
    product    varchar(80),
    grade_ths  numeric(9,1),
    grade_jth  numeric(9,2)
);
