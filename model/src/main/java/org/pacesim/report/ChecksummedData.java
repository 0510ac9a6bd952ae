package org.pacesim.report;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Numbers and strings as bytes, big-endian (as {@link java.io.DataOutputStream} writes them), through a buffer of
 * its own that is checksummed (CRC-32) as it goes. An array goes in one copy, not a call per byte: the data streams
 * of the JDK read an int as four calls to a synchronized {@code read()}, and that was most of reading a shard.
 */
final class ChecksummedData {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int BUFFER = 1 << 16;

    private ChecksummedData() {}

    /** Writes into a buffer, passed on to the stream when full or flushed. */
    static final class Output {
        private final OutputStream out;
        private final CRC32 crc = new CRC32();
        private final byte[] buf = new byte[BUFFER];
        private int pos;

        Output(OutputStream out) {
            this.out = out;
        }

        private void room(int n) throws IOException {
            if (BUFFER - pos < n) drain();
        }

        private void drain() throws IOException {
            crc.update(buf, 0, pos);
            out.write(buf, 0, pos);
            pos = 0;
        }

        void writeBoolean(boolean v) throws IOException {
            room(1);
            buf[pos++] = (byte) (v ? 1 : 0);
        }

        void writeInt(int v) throws IOException {
            room(4);
            INT.set(buf, pos, v);
            pos += 4;
        }

        void writeLong(long v) throws IOException {
            room(8);
            LONG.set(buf, pos, v);
            pos += 8;
        }

        /** A double as its 64 bits, so that NaN and -0.0 read back as they were. */
        void writeDouble(double v) throws IOException {
            writeLong(Double.doubleToRawLongBits(v));
        }

        void writeDoubles(double[] a) throws IOException {
            for (int k = 0; k < a.length; ) {
                room(8);
                int m = Math.min(a.length - k, (BUFFER - pos) / 8);
                for (int end = k + m; k < end; k++, pos += 8) LONG.set(buf, pos, Double.doubleToRawLongBits(a[k]));
            }
        }

        void writeInts(int[] a) throws IOException {
            for (int k = 0; k < a.length; ) {
                room(4);
                int m = Math.min(a.length - k, (BUFFER - pos) / 4);
                for (int end = k + m; k < end; k++, pos += 4) INT.set(buf, pos, a[k]);
            }
        }

        /** A string as its length in UTF-8 bytes (-1 for null) and those bytes. */
        void writeString(String s) throws IOException {
            if (s == null) {
                writeInt(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            writeInt(b.length);
            for (int k = 0; k < b.length; ) {
                room(1);
                int m = Math.min(b.length - k, BUFFER - pos);
                System.arraycopy(b, k, buf, pos, m);
                k += m;
                pos += m;
            }
        }

        /** Passes on what is buffered, then the checksum of everything before it (a long), and flushes the stream. */
        void finish() throws IOException {
            drain();
            LONG.set(buf, 0, crc.getValue());
            out.write(buf, 0, 8);
            out.flush();
        }
    }

    /** Reads what {@link Output} wrote; a stream that ends early throws {@link EOFException}. */
    static final class Input {
        private final InputStream in;
        private final CRC32 crc = new CRC32();
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int end;
        /** Where the bytes not yet checksummed begin. */
        private int unsummed;

        Input(InputStream in) {
            this.in = in;
        }

        /** Makes {@code n} (at most the buffer) bytes ready at {@code pos}. */
        private void need(int n) throws IOException {
            if (end - pos >= n) return;
            crc.update(buf, unsummed, pos - unsummed);
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
            unsummed = 0;
            while (end < n) {
                int r = in.read(buf, end, BUFFER - end);
                if (r < 0) throw new EOFException();
                end += r;
            }
        }

        boolean readBoolean() throws IOException {
            need(1);
            return buf[pos++] != 0;
        }

        int readInt() throws IOException {
            need(4);
            int v = (int) INT.get(buf, pos);
            pos += 4;
            return v;
        }

        long readLong() throws IOException {
            need(8);
            long v = (long) LONG.get(buf, pos);
            pos += 8;
            return v;
        }

        double readDouble() throws IOException {
            return Double.longBitsToDouble(readLong());
        }

        void readDoubles(double[] a) throws IOException {
            for (int k = 0; k < a.length; ) {
                need(8);
                int m = Math.min(a.length - k, (end - pos) / 8);
                for (int stop = k + m; k < stop; k++, pos += 8) a[k] = Double.longBitsToDouble((long) LONG.get(buf, pos));
            }
        }

        void readInts(int[] a) throws IOException {
            for (int k = 0; k < a.length; ) {
                need(4);
                int m = Math.min(a.length - k, (end - pos) / 4);
                for (int stop = k + m; k < stop; k++, pos += 4) a[k] = (int) INT.get(buf, pos);
            }
        }

        /** A string of {@code n} UTF-8 bytes. */
        String readString(int n) throws IOException {
            if (n <= BUFFER) {
                need(n);
                String s = new String(buf, pos, n, StandardCharsets.UTF_8);
                pos += n;
                return s;
            }
            byte[] b = new byte[n];
            for (int k = 0; k < n; ) {
                need(1);
                int m = Math.min(n - k, end - pos);
                System.arraycopy(buf, pos, b, k, m);
                k += m;
                pos += m;
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        /** The checksum of everything read so far. */
        long checksum() {
            crc.update(buf, unsummed, pos - unsummed);
            unsummed = pos;
            return crc.getValue();
        }

        /** Whether the stream ends here. */
        boolean atEnd() throws IOException {
            return pos == end && in.read() < 0;
        }
    }
}
