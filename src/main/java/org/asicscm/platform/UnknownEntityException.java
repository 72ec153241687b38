package org.asicscm.platform;

import jakarta.ejb.ApplicationException;

/** The request names something that does not exist: 404. */
@ApplicationException(rollback = true)
public class UnknownEntityException extends RuntimeException {
    private final String entity;
    private final String id;

    public UnknownEntityException(String entity, String id) {
        super("no " + entity + " with id '" + id + "'");
        this.entity = entity;
        this.id = id;
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }
}
