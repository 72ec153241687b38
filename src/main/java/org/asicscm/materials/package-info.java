/**
 * Materials beyond the chips: the item master of purchased parts and each product's bill of
 * materials in two levels (per hashboard, per machine), versioned by effective date; a build
 * order keeps the version in force when it was opened, and its gross requirements follow it.
 */
package org.asicscm.materials;
