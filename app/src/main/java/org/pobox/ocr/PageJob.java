package org.pobox.ocr;

import java.nio.file.Path;

/**
 * One page of a scan waiting to be read: the file and the page's 0-based index in it. Only this
 * goes on the page queue; the page is decoded by the worker that reads it, so a long PDF never
 * sits in memory whole.
 *
 * @param number the page's 1-based number in its letter
 */
public record PageJob(Path file, int index, int number) {
}
