package org.asicscm.qa.entity;

/** Failure modes seen at test and in the field. */
public enum FailureCode {
    /** a chain detects fewer ASICs than it carries ("chain detected 0 of 114 chips") */
    ASIC_MISSING,
    TEMP_SENSOR_FAULT,
    FAN_FAILURE,
    PSU_FAILURE,
    EEPROM_ERROR,
    LOW_HASHRATE,
    OVERHEATING,
    COLD_SOLDER_JOINT,
    CONTROL_BOARD_FAILURE,
    OTHER
}
