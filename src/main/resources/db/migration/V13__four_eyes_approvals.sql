-- Four-eyes: actions the business wants seen by a second person wait here until another user
-- approves (or rejects) them; the approved action runs in the approver's transaction.
create table approval (
    id            varchar(36)   not null primary key,
    kind          varchar(20)   not null,
    subject_id    varchar(80)   not null,
    details       varchar(4000) not null,
    reason        varchar(500),
    status        varchar(10)   not null,
    requested_by  varchar(64)   not null,
    requested_at  timestamp with time zone not null,
    decided_by    varchar(64),
    decided_at    timestamp with time zone,
    decision_note varchar(500),
    result        varchar(20000),
    version       bigint        not null,
    constraint approval_kind check (kind in ('LOT_RELEASE', 'LOT_CORRECTION', 'MACHINE_SCRAP')),
    constraint approval_status check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    constraint approval_second_person check (decided_by is null or decided_by <> requested_by)
);
create index approval_pending on approval (status, requested_at);
