package org.careslot.identity.photo;

/** Answer to an upload: where the new photo is served ({@code photo_url} on the wire). */
record PhotoUploadedResponse(String photoUrl) {
}
