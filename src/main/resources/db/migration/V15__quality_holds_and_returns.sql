-- QA's quality holds (issue 12): a wafer lot, a lot and bin, a control-board or PSU lot or a
-- firmware version put on hold blocks every unit that carries it from a QA pass and, through
-- QualityHoldPlaced, from shipment booking. Unlike the planner's lot hold (V2), which stops
-- dies being allocated, this one reaches units already built.
create table qa_hold (
    id              varchar(36)  not null primary key,
    scope           varchar(20)  not null,
    subject         varchar(40)  not null,
    bin             varchar(16),
    reason          varchar(500) not null,
    placed_by       varchar(64)  not null,
    placed_at       timestamp with time zone not null,
    released_by     varchar(64),
    released_at     timestamp with time zone,
    release_reason  varchar(500),
    version         bigint       not null,
    constraint qa_hold_scope check (scope in ('WAFER_LOT', 'LOT_BIN', 'CONTROL_BOARD_LOT', 'PSU_LOT', 'FIRMWARE')),
    constraint qa_hold_bin check ((scope = 'LOT_BIN') = (bin is not null))
);
create index qa_hold_active on qa_hold (released_at, scope, subject);

-- machines back from the field (RMA): received against the serial, tested, repaired or scrapped
create table qa_return (
    id                varchar(36)   not null primary key,
    serial            varchar(40)   not null references qa_unit (serial),
    reported_failure  varchar(32)   not null references qa_failure_code (code),
    customer_report   varchar(1000),
    status            varchar(10)   not null,
    received_by       varchar(64)   not null,
    received_at       timestamp with time zone not null,
    closed_at         timestamp with time zone,
    version           bigint        not null,
    constraint qa_return_status check (status in ('OPEN', 'REPAIRED', 'SCRAPPED'))
);
create index qa_return_serial on qa_return (serial, status);

-- what shipping knows of QA's holds: machines it may not book until the hold is released
create table shipping_hold (
    hold_id  varchar(36) not null,
    serial   varchar(40) not null,
    primary key (hold_id, serial)
);
create index shipping_hold_serial on shipping_hold (serial);
