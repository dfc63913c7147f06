package org.pobox.ocr.tesseract;

import java.util.List;
import org.pobox.ocr.PageText;

/**
 * What Tesseract read on one page, in more detail than {@link PageText}.
 *
 * @param lowConfidenceShare share of characters recognised with confidence under
 *                           {@link TesseractEngine#LOW_CONFIDENCE}
 */
public record TesseractPage(PageText pageText, List<TesseractLine> lines, double lowConfidenceShare) {
}
