package org.asicscm.assembly.entity;

/** Where an assembled board or machine stands, as assembly learns it from QA. */
public enum UnitStatus {
    AWAITING_QA,
    PASSED,
    FAILED,
    IN_REWORK,
    SCRAPPED,
    /** a board mounted in a machine */
    INSTALLED
}
