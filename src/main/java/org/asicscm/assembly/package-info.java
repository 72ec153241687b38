/**
 * Assembly: contract factories in Bao'an, their lines, capacities and calendars, the
 * finite-capacity plan, consignment, hashboards with the lots and bins of their dies, and
 * machines. Consumes the order, allocation and lot events and the QA verdicts; publishes
 * BuildScheduled, BuildRescheduled, BuildFlaggedLate, BuildAtRisk, ConsignmentDiscrepancyFlagged,
 * BoardAssembled, MachineAssembled.
 */
package org.asicscm.assembly;
