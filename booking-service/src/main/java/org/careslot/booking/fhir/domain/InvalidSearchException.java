package org.careslot.booking.fhir.domain;

/** A search or read parameter the FHIR API cannot take: answered 400 with an OperationOutcome naming it. */
public class InvalidSearchException extends RuntimeException {

    private final String parameter;

    public InvalidSearchException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
