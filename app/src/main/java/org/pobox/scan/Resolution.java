package org.pobox.scan;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.NodeList;

/** The scan resolution an image file declares, read from ImageIO's format-neutral metadata. */
final class Resolution {

    private Resolution() {
    }

    /** Dots per inch, or 0 when the file does not say or says something implausible. */
    static int dotsPerInch(IIOMetadata metadata) {
        if (!metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
        if (sizes.getLength() == 0) {
            return 0;
        }
        try {
            double millimetresPerPixel = Double.parseDouble(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
            long dpi = Math.round(25.4 / millimetresPerPixel);
            return dpi >= 50 && dpi <= 2400 ? (int) dpi : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
