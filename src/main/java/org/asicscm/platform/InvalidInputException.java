package org.asicscm.platform;

import jakarta.ejb.ApplicationException;

/** Input that passed the annotations but is still wrong (an unknown reference, a bad header): 400. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
