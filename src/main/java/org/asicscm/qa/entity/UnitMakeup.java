package org.asicscm.qa.entity;

import java.util.Set;

/**
 * What a unit is made of, as far as holds and recalls ask: its wafer lots, its lots with bins
 * ("N7-0001/B1"), its control-board and PSU lots and its firmware.
 */
public record UnitMakeup(
        Set<String> lots, Set<String> lotBins, String controlBoardLot, String psuLot, String firmware) {

    public UnitMakeup withFirmware(String flashed) {
        return flashed == null ? this : new UnitMakeup(lots, lotBins, controlBoardLot, psuLot, flashed);
    }
}
