package org.careslot.identity.location;

public record DistrictResponse(int id, String name, int divisionId) {
}
