package org.asicscm.assembly.boundary;

import org.asicscm.platform.Codes;

/** What the assembly API's request records share: the rules for codes and serial numbers. */
final class AssemblyViews {
    private AssemblyViews() {}

    static final String CODE = Codes.PATTERN;
    static final String SERIAL_RULE =
            "must be a board serial number (letters, digits, '.', '_', '-'; at most " + Codes.MAX_LENGTH + ")";
}
