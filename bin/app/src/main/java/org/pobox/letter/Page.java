package org.pobox.letter;

/** One page of a letter as read by OCR: its 1-based number, text and mean confidence (0..1). */
public record Page(int number, String text, double confidence) {
}
