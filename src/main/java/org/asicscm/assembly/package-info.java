/**
 * Assembly: contract factories in Bao'an and their lines, build schedules, hashboards with the
 * lots and bins of their dies, and machines. Consumes DiesAllocated, AllocationReleased and the
 * QA verdicts; publishes BuildScheduled, BoardAssembled, MachineAssembled.
 */
package org.asicscm.assembly;
