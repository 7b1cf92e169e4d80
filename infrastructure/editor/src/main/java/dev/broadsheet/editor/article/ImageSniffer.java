package dev.broadsheet.editor.article;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Tells an image's format and dimensions from its bytes, never from its file name: the magic bytes
 * pick the format, then the format's own header must give positive dimensions. JPEG, PNG and GIF
 * headers are read by ImageIO (header only: no pixel decoding, so CMYK JPEGs pass too); WebP
 * ({@code VP8 }, {@code VP8L}, {@code VP8X} chunks) and AVIF (the primary item's {@code ispe}
 * property) are parsed here, as the JDK has no reader for them.
 */
public final class ImageSniffer {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageSniffer() {
    }

    /** @throws NotAnImageException saying what the bytes are not */
    public static ImageInfo sniff(byte[] bytes) {
        ImageFormat format = format(bytes);
        if (format == null) {
            throw new NotAnImageException("is not an image: its bytes are none of JPEG, PNG, GIF, WebP or AVIF");
        }
        int[] size = switch (format) {
            case JPEG, PNG, GIF -> imageIoSize(bytes, format);
            case WEBP -> webpSize(bytes);
            case AVIF -> avifSize(bytes);
        };
        if (size[0] <= 0 || size[1] <= 0) {
            throw new NotAnImageException("is a damaged " + format + " image: its header gives no dimensions");
        }
        return new ImageInfo(format, size[0], size[1]);
    }

    static ImageFormat format(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return ImageFormat.JPEG;
        }
        if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), PNG_MAGIC)) {
            return ImageFormat.PNG;
        }
        if (b.length >= 6 && (ascii(b, 0, 6).equals("GIF87a") || ascii(b, 0, 6).equals("GIF89a"))) {
            return ImageFormat.GIF;
        }
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return ImageFormat.WEBP;
        }
        if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp") && isAvifFileType(b)) {
            return ImageFormat.AVIF;
        }
        return null;
    }

    private static int[] imageIoSize(byte[] bytes, ImageFormat format) {
        // In memory: ImageIO's default stream would cache to a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw damaged(format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof NotAnImageException notAnImage) {
                throw notAnImage;
            }
            throw damaged(format);
        }
    }

    /** RIFF container: the first chunk after "WEBP" says which bitstream follows and where its size is. */
    private static int[] webpSize(byte[] b) {
        if (b.length < 20) {
            throw damaged(ImageFormat.WEBP);
        }
        String chunk = ascii(b, 12, 4);
        int data = 20;
        switch (chunk) {
            case "VP8 " -> {
                need(b, data + 10, ImageFormat.WEBP);
                // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
                if ((b[data + 3] & 0xff) != 0x9d || (b[data + 4] & 0xff) != 0x01 || (b[data + 5] & 0xff) != 0x2a) {
                    throw damaged(ImageFormat.WEBP);
                }
                return new int[] {le16(b, data + 6) & 0x3fff, le16(b, data + 8) & 0x3fff};
            }
            case "VP8L" -> {
                need(b, data + 5, ImageFormat.WEBP);
                // Lossless: signature 0x2f, then width-1 and height-1 in 14 bits each, little-endian.
                if ((b[data] & 0xff) != 0x2f) {
                    throw damaged(ImageFormat.WEBP);
                }
                long bits = (b[data + 1] & 0xffL) | (b[data + 2] & 0xffL) << 8 | (b[data + 3] & 0xffL) << 16
                        | (b[data + 4] & 0xffL) << 24;
                return new int[] {(int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1};
            }
            case "VP8X" -> {
                need(b, data + 10, ImageFormat.WEBP);
                // Extended: flags, 3 reserved bytes, then canvas width-1 and height-1 in 24 bits each.
                return new int[] {le24(b, data + 4) + 1, le24(b, data + 7) + 1};
            }
            default -> throw damaged(ImageFormat.WEBP);
        }
    }

    private static boolean isAvifFileType(byte[] b) {
        long size = u32(b, 0);
        int end = (int) Math.min(size, b.length);
        if (size < 16 || end < 16) {
            return false;
        }
        for (int brand = 8; brand + 4 <= end; brand += 4) {
            if (brand == 12) {
                continue; // minor version, not a brand
            }
            String name = ascii(b, brand, 4);
            if (name.equals("avif") || name.equals("avis")) {
                return true;
            }
        }
        return false;
    }

    /**
     * ISO-BMFF boxes: {@code meta} (a full box) holds {@code pitm} (the primary item), {@code iprp}
     * → {@code ipco} (the properties, 1-based) and {@code ipma} (which properties each item has). The
     * size is the {@code ispe} associated with the primary item; without associations, the first.
     */
    private static int[] avifSize(byte[] b) {
        try {
            ByteBuffer all = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
            ByteBuffer meta = child(all, "meta");
            if (meta == null) {
                throw damaged(ImageFormat.AVIF);
            }
            meta.position(meta.position() + 4); // version and flags
            ByteBuffer pitm = child(meta.duplicate(), "pitm");
            ByteBuffer iprp = child(meta.duplicate(), "iprp");
            ByteBuffer ipco = iprp == null ? null : child(iprp.duplicate(), "ipco");
            if (ipco == null) {
                throw damaged(ImageFormat.AVIF);
            }
            List<ByteBuffer> properties = new ArrayList<>();
            List<String> types = new ArrayList<>();
            ByteBuffer cursor = ipco.duplicate();
            while (cursor.remaining() >= 8) {
                ByteBuffer[] box = nextBox(cursor);
                types.add(boxType(box[0]));
                properties.add(box[1]);
            }
            int index = primaryIspe(pitm, iprp, types);
            if (index < 0) {
                index = types.indexOf("ispe");
            }
            if (index < 0) {
                throw damaged(ImageFormat.AVIF);
            }
            ByteBuffer ispe = properties.get(index);
            ispe.position(ispe.position() + 4); // version and flags
            return new int[] {(int) Math.min(Integer.MAX_VALUE, ispe.getInt() & 0xffffffffL),
                    (int) Math.min(Integer.MAX_VALUE, ispe.getInt() & 0xffffffffL)};
        } catch (RuntimeException e) {
            if (e instanceof NotAnImageException notAnImage) {
                throw notAnImage;
            }
            throw damaged(ImageFormat.AVIF);
        }
    }

    /** The 0-based index in ipco of the primary item's ispe, or -1 when the file does not say. */
    private static int primaryIspe(ByteBuffer pitm, ByteBuffer iprp, List<String> types) {
        ByteBuffer ipma = child(iprp.duplicate(), "ipma");
        if (pitm == null || ipma == null) {
            return -1;
        }
        int pitmVersion = pitm.get() & 0xff;
        pitm.position(pitm.position() + 3);
        long primary = pitmVersion == 0 ? pitm.getShort() & 0xffff : pitm.getInt() & 0xffffffffL;
        int version = ipma.get() & 0xff;
        int flags = (ipma.get() & 0xff) << 16 | (ipma.get() & 0xff) << 8 | ipma.get() & 0xff;
        long entries = ipma.getInt() & 0xffffffffL;
        for (long e = 0; e < entries; e++) {
            long item = version < 1 ? ipma.getShort() & 0xffff : ipma.getInt() & 0xffffffffL;
            int associations = ipma.get() & 0xff;
            for (int a = 0; a < associations; a++) {
                int index = (flags & 1) == 1 ? ipma.getShort() & 0x7fff : ipma.get() & 0x7f;
                if (item == primary && index > 0 && index <= types.size() && types.get(index - 1).equals("ispe")) {
                    return index - 1;
                }
            }
        }
        return -1;
    }

    /** The payload of the first child box of this type, or null. */
    private static ByteBuffer child(ByteBuffer parent, String type) {
        while (parent.remaining() >= 8) {
            ByteBuffer[] box = nextBox(parent);
            if (boxType(box[0]).equals(type)) {
                return box[1];
            }
        }
        return null;
    }

    /** Reads one box at the buffer's position and moves past it: {header, payload}. */
    private static ByteBuffer[] nextBox(ByteBuffer buffer) {
        int start = buffer.position();
        long size = buffer.getInt() & 0xffffffffL;
        byte[] type = new byte[4];
        buffer.get(type);
        int header = 8;
        if (size == 1) {
            size = buffer.getLong();
            header = 16;
        } else if (size == 0) {
            size = buffer.limit() - start;
        }
        if (size < header || start + size > buffer.limit()) {
            throw damaged(ImageFormat.AVIF);
        }
        ByteBuffer payload = buffer.duplicate();
        payload.position(start + header).limit((int) (start + size));
        buffer.position((int) (start + size));
        return new ByteBuffer[] {ByteBuffer.wrap(type), payload.slice().order(ByteOrder.BIG_ENDIAN)};
    }

    private static String boxType(ByteBuffer type) {
        return new String(type.array(), StandardCharsets.ISO_8859_1);
    }

    private static void need(byte[] b, int length, ImageFormat format) {
        if (b.length < length) {
            throw damaged(format);
        }
    }

    private static NotAnImageException damaged(ImageFormat format) {
        return new NotAnImageException("starts like a " + format + " image but its header cannot be read (damaged or truncated)");
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static int le16(byte[] b, int offset) {
        return (b[offset] & 0xff) | (b[offset + 1] & 0xff) << 8;
    }

    private static int le24(byte[] b, int offset) {
        return (b[offset] & 0xff) | (b[offset + 1] & 0xff) << 8 | (b[offset + 2] & 0xff) << 16;
    }

    private static long u32(byte[] b, int offset) {
        return (b[offset] & 0xffL) << 24 | (b[offset + 1] & 0xffL) << 16 | (b[offset + 2] & 0xffL) << 8 | b[offset + 3] & 0xffL;
    }

    /** The bytes are not an image of an accepted format; the message completes "FILE ...". */
    public static final class NotAnImageException extends RuntimeException {
        public NotAnImageException(String message) {
            super(message);
        }
    }
}
