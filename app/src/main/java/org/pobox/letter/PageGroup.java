package org.pobox.letter;

import java.util.List;

/** The page files of one letter, in page order. */
public record PageGroup(List<PageFile> pages) {
}
