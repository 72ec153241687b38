/**
 * QA: test results of boards and machines (hashrate, power, efficiency, chips per chain), pass
 * or fail with failure codes, rework and retest, scrap. Consumes BoardAssembled and
 * MachineAssembled; publishes UnitTested, UnitReworked, UnitScrapped and MachineReadyToShip.
 */
package org.asicscm.qa;
