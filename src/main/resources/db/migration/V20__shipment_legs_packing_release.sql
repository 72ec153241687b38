-- The logistics desk (issue 13): a shipment for a customer order with its parties (consignee,
-- notify party, forwarder), legs by mode and carrier with the carriers' own events, cartons on
-- pallets, and the export release (credit approval by a second person, licence number).
alter table shipment add column order_id varchar(36);
alter table shipment add column booked_by varchar(64);
alter table shipment add column consignee_name varchar(200);
alter table shipment add column consignee_country varchar(2);
alter table shipment add column consignee_address varchar(300);
alter table shipment add column notify_name varchar(200);
alter table shipment add column notify_country varchar(2);
alter table shipment add column forwarder_name varchar(200);
alter table shipment add column forwarder_country varchar(2);
alter table shipment add column export_licence varchar(40);
alter table shipment add column credit_approved_by varchar(64);
alter table shipment add column credit_approved_at timestamp with time zone;
alter table shipment add column credit_note varchar(500);
alter table shipment add column released_by varchar(64);
alter table shipment add column released_at timestamp with time zone;
create index shipment_order on shipment (order_id);
alter table shippable_machine add column reserved_at timestamp with time zone;

create table shipment_leg (
    id                  varchar(36)  not null primary key,
    shipment_id         varchar(36)  not null references shipment (id),
    seq                 integer      not null,
    mode                varchar(10)  not null,
    carrier             varchar(60)  not null,
    tracking_number     varchar(40)  not null,
    origin              varchar(5)   not null,
    destination         varchar(5)   not null,
    planned_departure   timestamp with time zone not null,
    planned_arrival     timestamp with time zone not null,
    actual_departure    timestamp with time zone,
    actual_arrival      timestamp with time zone,
    eta                 timestamp with time zone,
    status              varchar(20)  not null,
    version             bigint       not null,
    constraint shipment_leg_seq unique (shipment_id, seq)
);

-- what carriers posted, each once: a repeated event id is answered, never applied twice
create table leg_event (
    id                varchar(36)  not null primary key,
    carrier           varchar(60)  not null,
    carrier_event_id  varchar(80)  not null,
    leg_id            varchar(36)  not null references shipment_leg (id),
    milestone         varchar(20)  not null,
    occurred_at       timestamp with time zone not null,
    location          varchar(120),
    eta               timestamp with time zone,
    applied           boolean      not null,
    received_at       timestamp with time zone not null,
    constraint leg_event_once unique (carrier, carrier_event_id)
);
create index leg_event_leg on leg_event (leg_id, occurred_at);

create table carton (
    id           varchar(36)  not null primary key,
    shipment_id  varchar(36)  not null references shipment (id),
    number       integer      not null,
    pallet       varchar(20),
    gross_kg     numeric(8,2) not null check (gross_kg > 0),
    net_kg       numeric(8,2) not null check (net_kg > 0),
    length_cm    integer      not null check (length_cm > 0),
    width_cm     integer      not null check (width_cm > 0),
    height_cm    integer      not null check (height_cm > 0),
    packed_by    varchar(64)  not null,
    packed_at    timestamp with time zone not null,
    constraint carton_number unique (shipment_id, number)
);

-- a serial is packed once, ever: the primary key says so
create table carton_item (
    serial     varchar(40)  not null primary key,
    carton_id  varchar(36)  not null references carton (id)
);
create index carton_item_carton on carton_item (carton_id);

-- a carrier's system signs in to post tracking events, in a role that can do nothing else
alter table app_user_role drop constraint app_user_role_known;
alter table app_user_role add constraint app_user_role_known
    check (role in ('planner', 'qa', 'logistics', 'compliance', 'admin', 'auditor', 'carrier'));

-- planned output for available-to-promise, from the planners' events: each build order's
-- machines and the day its schedule ends (null until it is scheduled)
create table shipping_planned_output (
    build_order_id  varchar(36)  not null primary key,
    product         varchar(80)  not null,
    machines        integer      not null,
    ends_on         date
);
create index shipping_planned_output_product on shipping_planned_output (product);

-- pallets of a shipment: their own size and tare, the cartons name the pallet they are on
create table pallet (
    id           varchar(36)  not null primary key,
    shipment_id  varchar(36)  not null references shipment (id),
    code         varchar(20)  not null,
    tare_kg      numeric(8,2) not null check (tare_kg > 0),
    length_cm    integer      not null check (length_cm > 0),
    width_cm     integer      not null check (width_cm > 0),
    height_cm    integer      not null check (height_cm > 0),
    constraint pallet_code unique (shipment_id, code)
);
