/**
 * Allocation: chip models and their bins, products, wafer lots (holds, corrections), build
 * orders and the dies allocated to them by hand or by policy, reservations, re-assignments and
 * the shortage report. Publishes the lot, order and allocation events (LotReceived … DiesReassigned);
 * consumes BuildScheduled, BuildRescheduled and BoardAssembled (dies consumed).
 */
package org.asicscm.allocation;
