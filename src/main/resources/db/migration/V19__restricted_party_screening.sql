-- Export compliance (issue 13): restricted-party lists loaded from files (one in force at a time,
-- the ones before it kept for the decisions that cite them) and every screening decision, with
-- the list's version, the threshold and the score it was made on.
create table screening_list (
    id          varchar(36)  not null primary key,
    version     varchar(60)  not null unique,
    file_name   varchar(200) not null,
    sha256      varchar(64)  not null,
    entries     integer      not null check (entries > 0),
    in_force    boolean      not null,
    loaded_by   varchar(64)  not null,
    loaded_at   timestamp with time zone not null
);

create table screening_entry (
    id               varchar(48)   not null primary key,
    list_id          varchar(36)   not null references screening_list (id),
    row_number       integer       not null,
    name             varchar(300)  not null,
    alternate_names  varchar(2000),
    addresses        varchar(2000),
    country          varchar(2),
    list_source      varchar(120)  not null
);
create index screening_entry_list on screening_entry (list_id, row_number);

create table screening_decision (
    id              varchar(36)   not null primary key,
    shipment_id     varchar(36)   not null,
    party_role      varchar(20)   not null,
    party_name      varchar(200)  not null,
    party_country   varchar(2),
    list_version    varchar(60)   not null,
    threshold       numeric(4,3)  not null,
    score           numeric(4,3),
    matched_name    varchar(300),
    matched_row     integer,
    matched_source  varchar(120),
    outcome         varchar(20)   not null,
    screened_by     varchar(64)   not null,
    screened_at     timestamp with time zone not null,
    reviewed_by     varchar(64),
    reviewed_at     timestamp with time zone,
    review_reason   varchar(500),
    version         bigint        not null,
    constraint screening_outcome check (outcome in ('CLEAR', 'POTENTIAL_MATCH', 'CLEARED', 'CONFIRMED_MATCH')),
    constraint screening_second_person check (reviewed_by is null or reviewed_by <> screened_by)
);
create index screening_decision_shipment on screening_decision (shipment_id, screened_at);
create index screening_decision_outcome on screening_decision (outcome, screened_at);
