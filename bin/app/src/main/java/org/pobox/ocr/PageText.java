package org.pobox.ocr;

/** What an OCR engine read on one page image: text and mean word confidence in 0..1. */
public record PageText(String text, double confidence) {
}
