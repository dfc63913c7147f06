package org.pobox.scan;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;

/**
 * Walks a TIFF's directory chain and checks every page's image data lies inside the file.
 * ImageIO readers stop quietly at a directory that points past the end, so a multi-page TIFF cut
 * by an interrupted copy would lose its last pages without a word: a lost page of a letter.
 */
final class TiffStructure {

    private static final int STRIP_OFFSETS = 273;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTE_COUNTS = 325;
    private static final int MAX_PAGES = 10_000;

    private TiffStructure() {
    }

    /** Throws {@link BadFileException} naming the first page whose directory or data is past the end. */
    static void verify(ImageInputStream in, long fileLength) throws IOException {
        in.seek(0);
        int order = in.readUnsignedShort();
        in.setByteOrder(order == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (in.readUnsignedShort() != 42) {
            return; // BigTIFF: left to the reader
        }
        long ifd = in.readUnsignedInt();
        Set<Long> seen = new HashSet<>();
        int page = 0;
        try {
            while (ifd != 0 && page < MAX_PAGES) {
                page++;
                if (ifd + 2 > fileLength) {
                    throw truncated("the directory of page " + page + " is at byte " + ifd
                            + ", past the end of the file (" + fileLength + " bytes)");
                }
                if (!seen.add(ifd)) {
                    throw new BadFileException("truncated or corrupt TIFF: the page directories loop back on themselves");
                }
                ifd = checkDirectory(in, ifd, page, fileLength);
            }
        } catch (EOFException e) {
            throw truncated("the directory of page " + page + " is cut off");
        } finally {
            in.seek(0);
            in.setByteOrder(ByteOrder.BIG_ENDIAN);
        }
    }

    /** Checks one directory's strips or tiles; returns the offset of the next directory. */
    private static long checkDirectory(ImageInputStream in, long ifd, int page, long fileLength) throws IOException {
        in.seek(ifd);
        int entries = in.readUnsignedShort();
        long[] offsets = null;
        long[] counts = null;
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            in.seek(entry);
            int tag = in.readUnsignedShort();
            if (tag == STRIP_OFFSETS || tag == TILE_OFFSETS) {
                offsets = readValues(in, entry);
            } else if (tag == STRIP_BYTE_COUNTS || tag == TILE_BYTE_COUNTS) {
                counts = readValues(in, entry);
            }
        }
        in.seek(ifd + 2 + 12L * entries);
        long next = in.readUnsignedInt();
        if (offsets != null && counts != null) {
            for (int i = 0; i < Math.min(offsets.length, counts.length); i++) {
                long end = offsets[i] + counts[i];
                if (end > fileLength) {
                    throw truncated("the image data of page " + page + " ends at byte " + end
                            + ", past the end of the file (" + fileLength + " bytes)");
                }
            }
        }
        return next;
    }

    /** SHORT or LONG values of the entry at {@code entry}, stored inline when they fit in 4 bytes. */
    private static long[] readValues(ImageInputStream in, long entry) throws IOException {
        in.seek(entry + 2);
        int type = in.readUnsignedShort();
        long count = in.readUnsignedInt();
        int size = type == 3 ? 2 : 4;
        if (count > 1_000_000) {
            throw truncated("a page claims " + count + " strips");
        }
        if (count * size > 4) {
            in.seek(in.readUnsignedInt());
        }
        long[] values = new long[(int) count];
        for (int i = 0; i < count; i++) {
            values[i] = size == 2 ? in.readUnsignedShort() : in.readUnsignedInt();
        }
        return values;
    }

    private static BadFileException truncated(String detail) {
        return new BadFileException("truncated or corrupt TIFF: " + detail);
    }
}
