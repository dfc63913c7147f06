package org.pobox.intake;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The intake route's filter: Camel's file consumer takes a file only when {@link Inbox#accept}
 * does (a plain name, not a temporary or hidden file), the same rule the batch counts waiting
 * files by. Files with other names are renamed by the inbox first and taken then.
 */
public final class InboxFilter implements GenericFileFilter<Object> {

    private final Inbox inbox;

    public InboxFilter(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        return !file.isDirectory() && inbox.accept(file.getFileNameOnly());
    }
}
