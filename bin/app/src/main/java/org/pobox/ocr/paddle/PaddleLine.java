package org.pobox.ocr.paddle;

/**
 * One text box as read: its text, the mean probability of its characters, and its corners
 * (top-left, top-right, bottom-right, bottom-left of the text) in pixels of the image given to
 * the engine, so a viewer can mark a hit on the scan as it is, whichever way it was turned.
 */
public record PaddleLine(String text, double score, double[] xs, double[] ys) {
}
