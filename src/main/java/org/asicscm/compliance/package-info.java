/**
 * Export compliance: restricted-party lists loaded from files, fuzzy screening of a shipment's
 * parties against the list in force, and the decisions (with the list's version and the score)
 * that a second person clears or confirms.
 */
package org.asicscm.compliance;
