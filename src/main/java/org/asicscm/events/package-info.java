/**
 * The event backbone: the catalogue of events between stages, the transactional outbox that
 * doubles as the event log, its batching relay to the broker, each stage's consumer and the inbox
 * that applies an event once, and the dead letters people replay or discard.
 */
package org.asicscm.events;
