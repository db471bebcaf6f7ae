package org.careslot.identity.photo;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image types a profile photo may have, recognised by their magic numbers. The file name and the Content-Type
 * the client sent are never consulted: both are whatever the client says, and a PDF or HTML file renamed to
 * {@code photo.png} must not be stored and later served as an image.
 */
enum ImageFormat {

    JPEG("image/jpeg", "jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A});

    private final String contentType;
    private final String imageIoName;
    private final byte[] magic;

    ImageFormat(String contentType, String imageIoName, byte[] magic) {
        this.contentType = contentType;
        this.imageIoName = imageIoName;
        this.magic = magic;
    }

    /** The format whose magic number {@code head} (the first bytes of a file) starts with. */
    static Optional<ImageFormat> detect(byte[] head) {
        for (ImageFormat format : values()) {
            if (head.length >= format.magic.length
                    && Arrays.equals(head, 0, format.magic.length, format.magic, 0, format.magic.length)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    String contentType() {
        return contentType;
    }

    /** The format name javax.imageio knows the format's reader by. */
    String imageIoName() {
        return imageIoName;
    }
}
