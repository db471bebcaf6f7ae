package org.careslot.identity.photo;

import org.careslot.platform.web.problem.InvalidFieldsException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * What the checks of an upload found: a JPEG or PNG by its content, with a header that decodes and sane dimensions,
 * of {@code sizeBytes} bytes with SHA-256 {@code sha256} (hex). The bytes themselves are not kept: the check reads the
 * upload once as a stream, so it takes the same few kilobytes of memory whatever the size of the file.
 */
record CheckedPhoto(ImageFormat format, int sizeBytes, String sha256) {

    /** api.md: "≤ 5 MB" (MiB, like the {@code spring.servlet.multipart.max-file-size=5MB} that enforces it first). */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Larger sides are no profile photo, and decoding them would take hundreds of MB (decompression bombs). */
    static final int MAX_SIDE_PIXELS = 8000;

    static final String FIELD = "file";

    /** Long enough for the longest magic number (PNG's 8 bytes). */
    private static final int MAGIC_LENGTH = 8;

    /**
     * Reads {@code upload} to its end, or to just past {@link #MAX_BYTES} (the rest is never read).
     *
     * @throws PhotoTooLargeException    more than {@link #MAX_BYTES}
     * @throws InvalidFieldsException    empty, or dimensions beyond {@link #MAX_SIDE_PIXELS}
     * @throws UnsupportedPhotoException not a JPEG/PNG by content, or its header does not decode
     */
    static CheckedPhoto check(InputStream upload) throws IOException {
        MeteredInputStream metered = new MeteredInputStream(upload);
        // the magic number is read ahead, then pushed back for the image reader (counted and digested once)
        PushbackInputStream in = new PushbackInputStream(metered, MAGIC_LENGTH);
        byte[] head = in.readNBytes(MAGIC_LENGTH);
        if (head.length == 0) {
            throw InvalidFieldsException.of(FIELD, "The file is empty.");
        }
        ImageFormat format = ImageFormat.detect(head).orElseThrow(UnsupportedPhotoException::new);
        in.unread(head);
        Dimensions size = dimensions(format, in);
        // the digest must cover every byte, not only the header the reader looked at
        metered.skipToEndOrPast(MAX_BYTES);
        if (metered.count() > MAX_BYTES) {
            throw new PhotoTooLargeException();
        }
        if (size.width() > MAX_SIDE_PIXELS || size.height() > MAX_SIDE_PIXELS) {
            throw InvalidFieldsException.of(FIELD, "The image may be at most " + MAX_SIDE_PIXELS + " × "
                    + MAX_SIDE_PIXELS + " pixels; this one is " + size.width() + " × " + size.height() + ".");
        }
        return new CheckedPhoto(format, (int) metered.count(), metered.sha256());
    }

    private record Dimensions(int width, int height) {
    }

    /**
     * Decodes the header only (no pixels): that proves the magic number is not just the prefix of something else
     * and yields the dimensions, at a cost independent of the image size. The reader is the one of the detected
     * format, so a PNG header behind a JPEG magic number fails too.
     */
    private static Dimensions dimensions(ImageFormat format, InputStream image) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no javax.imageio reader for " + format);
        }
        ImageReader reader = readers.next();
        int width;
        int height;
        // cached in memory rather than in ImageIO's default temp file: only the header is read, usually a few KB.
        // Closing it leaves the source stream open.
        try (ImageInputStream input = new MemoryCacheImageInputStream(image)) {
            reader.setInput(input, true, true);
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            // readers signal garbage with IIOException, and on some malformed input with unchecked exceptions;
            // either way the content is not an image of the kind its magic number claims
            throw new UnsupportedPhotoException();
        } finally {
            reader.dispose();
        }
        if (width < 1 || height < 1) {
            throw new UnsupportedPhotoException();
        }
        return new Dimensions(width, height);
    }

    /** Counts and digests every byte that passes, including skipped ones. */
    private static final class MeteredInputStream extends FilterInputStream {

        private final MessageDigest digest;
        private long count;

        MeteredInputStream(InputStream in) {
            super(in);
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                digest.update(buffer, offset, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // a real skip would bypass the digest: read the bytes instead
            byte[] scratch = new byte[(int) Math.min(n, 8192)];
            int read = read(scratch, 0, scratch.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Reads on until the end of the stream or until more than {@code limit} bytes have passed. */
        void skipToEndOrPast(long limit) throws IOException {
            byte[] buffer = new byte[8192];
            while (count <= limit && read(buffer, 0, buffer.length) >= 0) {
                // read() counts and digests
            }
        }

        long count() {
            return count;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
