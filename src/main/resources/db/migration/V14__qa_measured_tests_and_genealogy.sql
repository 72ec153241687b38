-- QA as a stage of its own (issue 12): failure codes as data, versioned test limits per
-- product, readings per chain, rework with the parts it changed, and QA's genealogy read model
-- (die runs on a board's chip positions, boards in machines, machines on shipments), which it
-- builds from the events of the other stages.

create table qa_failure_code (
    code         varchar(32)  not null primary key,
    category     varchar(16)  not null,
    description  varchar(200) not null,
    active       boolean      not null,
    constraint qa_failure_category check (category in
        ('CHIPS', 'THERMAL', 'COOLING', 'POWER', 'CONTROL', 'ASSEMBLY', 'PERFORMANCE', 'NETWORK', 'OTHER'))
);
insert into qa_failure_code (code, category, description, active) values
    ('CHAIN_MISSING', 'CHIPS', 'a chain is not detected at all', true),
    ('ASIC_MISSING', 'CHIPS', 'a chain detects fewer chips than it carries', true),
    ('TEMP_SENSOR_FAULT', 'THERMAL', 'a temperature sensor reads nothing or nonsense', true),
    ('FAN_FAILURE', 'COOLING', 'a fan does not spin or reports no speed', true),
    ('PSU_FAILURE', 'POWER', 'the power supply fails or trips', true),
    ('EEPROM_ERROR', 'CONTROL', 'the board EEPROM cannot be read or is corrupt', true),
    ('NETWORK_FAILURE', 'NETWORK', 'the control board does not reach the network', true),
    ('LOW_HASHRATE', 'PERFORMANCE', 'hashrate below the limit', true),
    ('OVERHEATING', 'THERMAL', 'chip or board temperature above the limit', true),
    ('HIGH_POWER', 'PERFORMANCE', 'efficiency (J/TH) above the limit', true),
    ('COLD_SOLDER_JOINT', 'ASSEMBLY', 'a joint that makes no or intermittent contact', true),
    ('CONTROL_BOARD_FAILURE', 'CONTROL', 'the control board does not boot or drive the chains', true),
    ('OTHER', 'OTHER', 'anything else, described in the note', true);

create table qa_limit_set (
    id                      varchar(36)  not null primary key,
    product                 varchar(40)  not null,
    version                 integer      not null,
    chips_per_board         integer      not null,
    min_chips_per_chain     integer      not null,
    min_chain_hashrate_ghs  numeric(12,1) not null,
    min_hashrate_ths        numeric(9,3) not null,
    max_efficiency_jth      numeric(9,3) not null,
    min_temp_c              numeric(5,1) not null,
    max_temp_c              numeric(5,1) not null,
    created_by              varchar(64)  not null,
    created_at              timestamp with time zone not null,
    constraint qa_limit_set_version unique (product, version),
    constraint qa_limit_set_temps check (min_temp_c < max_temp_c),
    constraint qa_limit_set_chips check (min_chips_per_chain between 1 and chips_per_board)
);

-- the product a unit was built for: QA learns it from BuildOrderCreated
create table qa_order (
    build_order_id  varchar(36) not null primary key,
    order_number    varchar(40) not null,
    product         varchar(80) not null,
    chips_per_board integer     not null
);

-- ENGINEERING_REVIEW is longer than the 16 characters a status had
alter table qa_unit alter column status set data type varchar(24);
alter table qa_unit add column product varchar(80);
alter table qa_unit add column firmware varchar(40);
alter table qa_unit add column rework_loops integer default 0 not null;
alter table qa_unit add column first_pass boolean;
alter table qa_unit add column first_tested_at timestamp with time zone;
-- kept with each test so that yield reads qa_unit alone, not every test
alter table qa_unit add column factory_failures integer default 0 not null;
alter table qa_unit add column passed_at_factory boolean default false not null;
update qa_unit set passed_at_factory = true where status = 'PASSED';
alter table qa_unit add column grade_ths numeric(9,1);
alter table qa_unit add column grade_jth numeric(9,2);
create index qa_unit_firmware on qa_unit (firmware);

alter table qa_test add column station varchar(40);
alter table qa_test add column operator_name varchar(64);
alter table qa_test add column firmware varchar(40);
alter table qa_test add column program varchar(40);
alter table qa_test add column started_at timestamp with time zone;
alter table qa_test add column ended_at timestamp with time zone;
alter table qa_test add column limit_set_id varchar(36);
alter table qa_test add column limit_set_version integer;
alter table qa_test add column failed_chain integer;
alter table qa_test add column failed_chip integer;
alter table qa_test add column fan_rpm varchar(100);
alter table qa_test add column field_return boolean default false not null;
create index qa_test_outcome on qa_test (outcome, tested_at);

create table qa_test_chain (
    test_id        varchar(36)  not null references qa_test (id),
    chain          integer      not null,
    chips_detected integer      not null,
    chips_expected integer      not null,
    hashrate_ghs   numeric(12,1),
    chip_temp_c    numeric(5,1),
    pcb_temp_c     numeric(5,1),
    errors         integer,
    primary key (test_id, chain)
);

create table qa_rework (
    id               varchar(36)  not null primary key,
    serial           varchar(40)  not null references qa_unit (serial),
    loop_number      integer      not null,
    action           varchar(24)  not null,
    chain            integer,
    chip_index       integer,
    removed_part     varchar(80),
    new_part_serial  varchar(40),
    new_part_lot     varchar(40),
    new_die_lot      varchar(40),
    new_die_bin      varchar(16),
    note             varchar(500),
    done_by          varchar(64)  not null,
    done_at          timestamp with time zone not null,
    constraint qa_rework_action check (action in
        ('CHIP_REPLACED', 'REFLOW', 'CONTROL_BOARD_SWAP', 'PSU_SWAP', 'FAN_SWAP', 'OTHER'))
);
create index qa_rework_serial on qa_rework (serial, done_at);

-- genealogy: QA's read model of what each unit is made of and where it went ------------------
create table gen_board (
    serial          varchar(40) not null primary key,
    build_order_id  varchar(36) not null,
    chip_model      varchar(32) not null,
    line_id         varchar(36) not null,
    line_code       varchar(40),
    factory_id      varchar(36),
    shift           varchar(24),
    assembled_at    timestamp with time zone not null,
    machine_serial  varchar(40),
    chain           integer
);
create index gen_board_machine on gen_board (machine_serial);
create index gen_board_line on gen_board (line_id);
create index gen_board_factory on gen_board (factory_id);

-- a run of chip positions first_chip..last_chip on one board filled from one lot and bin; a
-- replaced chip splits its run, so the rows always say what the board carries now
-- (no foreign key to gen_board: a read model written by one consumer in one transaction per
-- board, and the key would make the provider flush the board before its runs on the event path)
create table gen_die_run (
    board_serial  varchar(40) not null,
    first_chip    integer     not null,
    last_chip     integer     not null,
    lot_id        varchar(36),
    lot_number    varchar(40) not null,
    bin           varchar(16) not null,
    rework_id     varchar(36),
    primary key (board_serial, first_chip),
    constraint gen_die_run_positions check (first_chip >= 0 and last_chip >= first_chip)
);
create index gen_die_run_lot on gen_die_run (lot_number, bin, board_serial);

create table gen_machine (
    serial               varchar(40) not null primary key,
    build_order_id       varchar(36) not null,
    control_board_serial varchar(40),
    control_board_lot    varchar(40),
    psu_serial           varchar(40),
    psu_lot              varchar(40),
    assembled_at         timestamp with time zone not null,
    shipment_id          varchar(36),
    customer_id          varchar(36),
    customer_name        varchar(120),
    destination_country  varchar(2),
    shipped_at           timestamp with time zone,
    delivered_at         timestamp with time zone
);
create index gen_machine_control_board_lot on gen_machine (control_board_lot);
create index gen_machine_psu_lot on gen_machine (psu_lot);
create index gen_machine_shipment on gen_machine (shipment_id);
