package org.pobox.group;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.pobox.intake.Intake;
import org.pobox.letter.Headers;
import org.pobox.letter.LetterIds;
import org.pobox.letter.PageFile;
import org.pobox.letter.PageFileName;
import org.pobox.letter.PageGroup;
import org.pobox.ocr.OcrRecords;
import org.pobox.scan.PageDecoder;

/**
 * Letters scanned one page per file ({@link PageFileName}) are gathered into one letter by the
 * group route's aggregator. Each page file is checked when it arrives, so a broken page still
 * ends in {@code failed/} with its reason; a good one is archived at once and read from
 * {@code archive/} when its letter is complete.
 */
public class PageGroups {

    private final PageDecoder decoder;
    private final Path archive;
    private final AtomicInteger waiting = new AtomicInteger();

    public PageGroups(PageDecoder decoder, Path archive) {
        this.decoder = decoder;
        this.archive = archive;
    }

    public boolean isPageFile(Exchange exchange) {
        return PageFileName.parse(exchange.getMessage().getHeader(Headers.SAFE_NAME, String.class)).isPresent();
    }

    /**
     * Body in: the page file; body out: its {@link PageFile}, keyed by {@link #Headers.GROUP_KEY}. Throws
     * {@link org.pobox.scan.BadFileException} for a file that is not a readable scan.
     */
    public PageFile admit(Exchange exchange) {
        Message in = exchange.getMessage();
        Path file = Headers.filePath(exchange);
        decoder.pageCount(file); // refuses a broken page now, while it can still go to failed/
        String name = in.getHeader(Headers.SAFE_NAME, String.class);
        PageFileName parsed = PageFileName.parse(name).orElseThrow();
        in.setHeader(Headers.GROUP_KEY, parsed.letter());
        waiting.incrementAndGet();
        // the page number comes from the safe name; the letter lists the name the file came under
        String original = in.getHeader(Headers.ORIGINAL_NAME, name, String.class);
        return new PageFile(parsed.page(), archive.resolve(in.getHeader(Headers.ARCHIVE_NAME, String.class)), original,
                in.getHeader(Headers.LETTER_ID, String.class), in.getHeader(Headers.RECEIVED_AT, Instant.class),
                in.getHeader(Headers.REGISTRATION_NO, String.class));
    }

    /**
     * Body in: the grouped {@link PageFile}s; body out: the {@link PageGroup} in page order, with the
     * letter's headers: its id is the SHA-256 of its pages' SHA-256s in order, so the same pages
     * give the same letter; it was received when its first file came and has the registration
     * number its files were given (one per page group; should they differ, the lowest, and
     * {@link LatePages} records the others under it). The same bytes dropped twice while the
     * letter waits are one page.
     */
    public PageGroup complete(Exchange exchange) {
        List<?> body = exchange.getMessage().getBody(List.class);
        List<PageFile> pages = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Object o : body) {
            PageFile page = (PageFile) o;
            if (seen.add(page.sha256())) {
                pages.add(page);
            }
        }
        waiting.addAndGet(-body.size());
        Message in = exchange.getMessage();
        pages.stream().map(PageFile::registrationNo).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                .ifPresent(number -> in.setHeader(Headers.REGISTRATION_NO, number));
        in.setHeader(Headers.RECEIVED_AT, pages.stream().map(PageFile::receivedAt).min(Comparator.naturalOrder()).orElseThrow());
        return describe(exchange, pages, LetterIds.sha256(String.join(",",
                inPageOrder(pages).stream().map(PageFile::sha256).toList())));
    }

    /**
     * Sets the headers of a letter of these page files under this id: what the ocr route reads
     * and the names it ends under. Returns the pages in page order.
     */
    public static PageGroup describe(Exchange exchange, List<PageFile> pages, String id) {
        List<PageFile> ordered = inPageOrder(pages);
        PageFile first = ordered.get(0);
        Message in = exchange.getMessage();
        in.setHeader(Headers.LETTER_ID, id);
        in.setHeader(Headers.SAFE_NAME, org.pobox.intake.FileNames.sanitise(first.name()));
        in.setHeader(Headers.ARCHIVE_NAME, first.archived().getFileName().toString());
        // named after its first page file: the report finds the letter's day and registration number
        in.setHeader(Headers.FAILED_NAME, Intake.failedName(first.receivedAt() != null ? first.receivedAt()
                : java.time.Instant.now(), first.sha256(), "group-" + org.pobox.intake.FileNames.sanitise(first.name())));
        in.setHeader(Headers.FILE_NAMES, ordered.stream().map(PageFile::name).toList());
        in.setHeader(Headers.SOURCES, ordered.stream()
                .map(p -> new OcrRecords.Source(p.archived().getFileName().toString(), p.sha256())).toList());
        return new PageGroup(ordered);
    }

    private static List<PageFile> inPageOrder(List<PageFile> pages) {
        List<PageFile> ordered = new ArrayList<>(pages);
        ordered.sort(Comparator.comparingInt(PageFile::page).thenComparing(PageFile::receivedAt,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return List.copyOf(ordered);
    }

    /** Page files waiting in the aggregator for the rest of their letter. */
    public int waiting() {
        return waiting.get();
    }

    /**
     * Completes every letter still waiting for pages, as at the end of a batch, and reads them on
     * the calling thread. Returns whether there were any.
     */
    public static boolean completeAll(CamelContext camel) {
        PageGroups groups = camel.getRegistry().lookupByNameAndType("pageGroups", PageGroups.class);
        if (groups == null || groups.waiting() == 0) {
            return false;
        }
        camel.createProducerTemplate().sendBodyAndHeader("direct:group-aggregate", null,
                Exchange.AGGREGATION_COMPLETE_ALL_GROUPS, true);
        return true;
    }
}
