package org.pobox.testdata;

import java.nio.file.Path;
import java.util.List;

/** What the generator wrote: the file(s) of one letter and the true text of each page, in order. */
public record GeneratedScan(List<Path> files, List<String> pageTexts) {

    public Path file() {
        if (files.size() != 1) {
            throw new IllegalStateException("this scan has " + files.size() + " files");
        }
        return files.get(0);
    }

    public int pages() {
        return pageTexts.size();
    }
}
