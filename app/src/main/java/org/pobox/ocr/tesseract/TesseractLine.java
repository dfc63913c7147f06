package org.pobox.ocr.tesseract;

/**
 * One text line as Tesseract found it: its text, confidence (0..1) and box in pixels of the
 * image given to the engine.
 */
public record TesseractLine(String text, double confidence, int left, int top, int right, int bottom) {
}
