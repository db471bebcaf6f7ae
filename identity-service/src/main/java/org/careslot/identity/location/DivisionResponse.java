package org.careslot.identity.location;

public record DivisionResponse(int id, String name) {
}
