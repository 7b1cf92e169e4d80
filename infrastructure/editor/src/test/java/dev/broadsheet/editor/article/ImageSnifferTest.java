package dev.broadsheet.editor.article;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Format and dimensions from real bytes. PNG, JPEG and GIF are drawn and encoded by ImageIO here;
 * the JDK cannot write WebP or AVIF, so those are minimal headers built by hand below, byte by byte,
 * after the WebP container spec (RIFF "WEBP" with a VP8, VP8L or VP8X chunk) and ISO/IEC 23008-12
 * (HEIF: ftyp brand avif, meta with pitm, iprp/ipco/ispe and ipma). The sniffer reads only headers,
 * so a header is all a test needs.
 */
class ImageSnifferTest {

    @Test
    void readsPngJpegAndGifEncodedByImageIo() {
        assertEquals(new ImageInfo(ImageFormat.PNG, 64, 48), ImageSniffer.sniff(encode("png", 64, 48)));
        assertEquals(new ImageInfo(ImageFormat.JPEG, 33, 21), ImageSniffer.sniff(encode("jpg", 33, 21)));
        assertEquals(new ImageInfo(ImageFormat.GIF, 7, 300), ImageSniffer.sniff(encode("gif", 7, 300)));
    }

    @Test
    void readsTheThreeKindsOfWebp() {
        assertEquals(new ImageInfo(ImageFormat.WEBP, 640, 480), ImageSniffer.sniff(webpLossy(640, 480)));
        assertEquals(new ImageInfo(ImageFormat.WEBP, 1200, 675), ImageSniffer.sniff(webpLossless(1200, 675)));
        assertEquals(new ImageInfo(ImageFormat.WEBP, 5000, 3), ImageSniffer.sniff(webpExtended(5000, 3)));
    }

    @Test
    void readsTheAvifPrimaryItemsSizeNotTheThumbnails() {
        // Property 1 is a 100x50 thumbnail's ispe, property 2 the primary item's 640x480.
        assertEquals(new ImageInfo(ImageFormat.AVIF, 640, 480), ImageSniffer.sniff(avif(true)));
    }

    @Test
    void takesTheFirstAvifSizeWhenNoPropertyIsAssociated() {
        assertEquals(new ImageInfo(ImageFormat.AVIF, 100, 50), ImageSniffer.sniff(avif(false)));
    }

    @Test
    void refusesTextWhateverItsName() {
        ImageSniffer.NotAnImageException e = assertThrows(ImageSniffer.NotAnImageException.class,
                () -> ImageSniffer.sniff("just text, named photo.jpg\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void refusesAnImageWhoseHeaderIsCutOff() {
        byte[] png = encode("png", 64, 48);
        assertThrows(ImageSniffer.NotAnImageException.class, () -> ImageSniffer.sniff(Arrays.copyOf(png, 12)));
        assertThrows(ImageSniffer.NotAnImageException.class, () -> ImageSniffer.sniff(Arrays.copyOf(webpLossy(10, 10), 24)));
        assertThrows(ImageSniffer.NotAnImageException.class, () -> ImageSniffer.sniff(Arrays.copyOf(avif(true), 40)));
        byte[] jpegMagicThenJunk = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 'n', 'o', 'p', 'e'};
        assertThrows(ImageSniffer.NotAnImageException.class, () -> ImageSniffer.sniff(jpegMagicThenJunk));
    }

    @Test
    void refusesAWebpWithoutTheVp8StartCode() {
        byte[] webp = webpLossy(10, 10);
        webp[23] = 0; // the first byte of 9d 01 2a
        assertThrows(ImageSniffer.NotAnImageException.class, () -> ImageSniffer.sniff(webp));
    }

    private static byte[] encode(String format, int width, int height) {
        return TestImages.encode(format, width, height);
    }

    /** RIFF, "VP8 " chunk: frame tag (3 bytes), start code 9d 01 2a, 14-bit width and height, little-endian. */
    static byte[] webpLossy(int width, int height) {
        ByteBuffer chunk = le(10).put(new byte[] {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a})
                .putShort((short) width).putShort((short) height);
        return riff("VP8 ", chunk.array());
    }

    /** RIFF, "VP8L" chunk: signature 2f, then width-1 and height-1 in 14 bits each. */
    static byte[] webpLossless(int width, int height) {
        int bits = (width - 1) | (height - 1) << 14;
        return riff("VP8L", le(5).put((byte) 0x2f).putInt(bits).array());
    }

    /** RIFF, "VP8X" chunk: flags, 3 reserved bytes, canvas width-1 and height-1 in 24 bits each. */
    static byte[] webpExtended(int width, int height) {
        ByteBuffer chunk = le(10).put(new byte[4]);
        putLe24(chunk, width - 1);
        putLe24(chunk, height - 1);
        return riff("VP8X", chunk.array());
    }

    private static byte[] riff(String chunkType, byte[] chunk) {
        ByteBuffer file = le(20 + chunk.length).put(ascii("RIFF")).putInt(12 + chunk.length).put(ascii("WEBP"))
                .put(ascii(chunkType)).putInt(chunk.length).put(chunk);
        return file.array();
    }

    /**
     * ftyp (major brand avif, compatible avif and mif1); meta (full box) with pitm (primary item 1)
     * and iprp: ipco holding two ispe properties (1: 100x50, 2: 640x480) and, if associated, ipma
     * giving item 1 property 2 and item 2 property 1.
     */
    static byte[] avif(boolean associated) {
        byte[] ftyp = box("ftyp", ascii("avif"), new byte[4], ascii("avif"), ascii("mif1"));
        byte[] pitm = box("pitm", new byte[4], be(2).putShort((short) 1).array());
        byte[] ipco = box("ipco", ispe(100, 50), ispe(640, 480));
        byte[] ipma = box("ipma", new byte[4], be(4).putInt(2).array(),
                be(3).putShort((short) 1).put((byte) 1).array(), new byte[] {0x02},
                be(3).putShort((short) 2).put((byte) 1).array(), new byte[] {0x01});
        byte[] iprp = associated ? box("iprp", ipco, ipma) : box("iprp", ipco);
        byte[] meta = box("meta", new byte[4], pitm, iprp);
        return concat(ftyp, meta);
    }

    private static byte[] ispe(int width, int height) {
        return box("ispe", new byte[4], be(8).putInt(width).putInt(height).array());
    }

    private static byte[] box(String type, byte[]... parts) {
        byte[] payload = concat(parts);
        return be(8 + payload.length).putInt(8 + payload.length).put(ascii(type)).put(payload).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void putLe24(ByteBuffer buffer, int value) {
        buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer be(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
