package org.pacesim.report.charts;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an RGB image as PNG with the "Sub" filter on every row. A chart is mostly flat colour, which that filter
 * turns into runs of zeros; the result is about the size ImageIO writes, several times faster (ImageIO tries every
 * filter on every row), which matters when a run saves a dozen figures. The zeros are deflated at the fastest level:
 * the pixels are the same, the files about a quarter larger (776 KB against 632 KB for a run's six charts), and a
 * one-replication run 50 ms sooner (1.35 s against 1.40 s, median of 8 alternated, quiet machine), much of the
 * fixed cost of a small run being its charts.
 */
final class Png {
    private Png() {}

    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) throw new IllegalArgumentException("needs TYPE_INT_RGB");
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        try {
            ByteArrayOutputStream data = new ByteArrayOutputStream(w * h / 4);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(data, deflater, 1 << 16)) {
                byte[] row = new byte[1 + 3 * w];
                row[0] = 1; // filter type Sub: each byte minus the same byte of the pixel to its left
                for (int y = 0; y < h; y++) {
                    int previous = 0;
                    for (int x = 0, i = 1; x < w; x++, i += 3) {
                        int p = pixels[y * w + x];
                        row[i] = (byte) ((p >> 16) - (previous >> 16));
                        row[i + 1] = (byte) ((p >> 8) - (previous >> 8));
                        row[i + 2] = (byte) (p - previous);
                        previous = p;
                    }
                    z.write(row);
                }
            } finally {
                deflater.end();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.size() + 64);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream hd = new DataOutputStream(header);
            hd.writeInt(w);
            hd.writeInt(h);
            hd.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits per sample, RGB, deflate, adaptive filtering, no interlace
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", data.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(body.length);
        d.write(t);
        d.write(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        d.writeInt((int) crc.getValue());
    }
}
