package org.asicscm.qa.control;

import org.asicscm.events.Events.UnitKind;
import org.asicscm.platform.Codes;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.Rework;

/** What each rework action must say so the genealogy stays true. */
final class ReworkSteps {
    private ReworkSteps() {}

    static void check(QaUnit unit, Rework.Step step, String field) {
        if (step.action() == null) {
            throw new InvalidInputException(field + ".action", "must be given");
        }
        if (step.chain() != null && (step.chain() < 0 || step.chain() >= unit.chains())) {
            throw new InvalidInputException(
                    field + ".chain", "must be a chain of the unit, 0 to " + (unit.chains() - 1));
        }
        if (step.chipIndex() != null && (step.chipIndex() < 0 || step.chipIndex() >= unit.chipsPerChain())) {
            throw new InvalidInputException(
                    field + ".chipIndex", "must be a chip position on the chain, 0 to " + (unit.chipsPerChain() - 1));
        }
        switch (step.action()) {
            case CHIP_REPLACED -> {
                if (step.chain() == null) {
                    throw new InvalidInputException(field + ".chain", "a replaced chip needs its chain");
                }
                if (step.chipIndex() == null) {
                    throw new InvalidInputException(field + ".chipIndex", "a replaced chip needs its position");
                }
                requireCode(field + ".newDieLot", step.newDieLot(), "the wafer lot of the new die");
                requireCode(field + ".newDieBin", step.newDieBin(), "the bin of the new die");
                if (step.newDieBin().length() > 16) {
                    throw new InvalidInputException(field + ".newDieBin", "a bin is at most 16 characters");
                }
            }
            case CONTROL_BOARD_SWAP, PSU_SWAP -> {
                if (unit.kind() != UnitKind.MACHINE) {
                    throw new InvalidInputException(field + ".action", "only a machine has a control board and a PSU");
                }
                requireCode(field + ".newPartSerial", step.newPartSerial(), "the serial of the part put in");
                if (step.newPartLot() != null && !Codes.isCode(step.newPartLot())) {
                    throw new InvalidInputException(field + ".newPartLot", "must be a code of letters, digits, . _ -");
                }
            }
            default -> {}
        }
    }

    private static void requireCode(String field, String value, String what) {
        if (value == null || !Codes.isCode(value)) {
            throw new InvalidInputException(field, "must be " + what + " (letters, digits, . _ -)");
        }
    }
}
