package org.careslot.identity.location;

/** An upazila or a metropolitan thana; clients treat both alike, so the kind is not exposed. */
public record ThanaResponse(int id, String name, int districtId) {
}
