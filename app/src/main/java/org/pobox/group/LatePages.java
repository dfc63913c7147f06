package org.pobox.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.pobox.index.CorrectionStore;
import org.pobox.index.LetterDocument;
import org.pobox.index.LetterIndex;
import org.pobox.intake.OneAtATime;
import org.pobox.intake.OneLetterPerNumber;
import org.pobox.letter.Headers;
import org.pobox.letter.Json;
import org.pobox.letter.LetterIds;
import org.pobox.letter.PageFile;
import org.pobox.letter.PageFileName;
import org.pobox.letter.PageGroup;
import org.pobox.node.EngineClient;
import org.pobox.register.Register;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that arrives after its letter was indexed ({@code name_p3.jpg} in tomorrow's batch, or
 * after the quiet period of {@code pobox run}) joins that letter instead of starting a new one.
 *
 * <p>Which letter: a letter of page files is indexed with its page group, {@code <round>/<name>}
 * (the round's code and the file name without its page suffix), and its page files (number, name,
 * SHA-256, archive name). Pages completed under a group that is already indexed join the most
 * recently received letter of that group. The round bounds it: {@code scan_p1.png} of the next
 * round never joins a letter of this one.
 *
 * <p>The letter keeps one identity: the same document id and registration number (investigators
 * may have cited it; corrections and the audit refer to the id), its time of receipt, its seal and
 * its repeat link. It is read again whole, its earlier pages re-read from {@code archive/} (the
 * indexed text is masked; understanding needs the writer's own words), and indexed over itself in
 * one write, so it is never missing nor doubled; its recorded corrections are applied again after.
 *
 * <p>Safe choices: a page file already in the letter (same bytes) adds nothing but its name; a
 * page whose number the letter already has with other bytes is never merged: its pages become a
 * new letter (under the same group) and the log says so. Pages of a group not yet indexed whose
 * bytes are all in another letter (the same scan came before as a file by itself, or under another
 * name) are that letter and add only their names ({@link OneLetterPerNumber}). Nothing is lost
 * either way.
 */
public class LatePages {

    private static final Logger LOG = LoggerFactory.getLogger(LatePages.class);
    /** Fields a letter gains after it is first indexed that a re-read must not reset. */
    /** What the indexed letter keeps when read again: what people gave it, and its repeat link (not counted twice). */
    private static final List<String> KEPT = java.util.stream.Stream.concat(LetterDocument.GIVEN_BY_PEOPLE.stream(),
            java.util.stream.Stream.of("duplicate_of", "repeat_count")).toList();

    private final LetterIndex index;
    private final EngineClient engine;
    private final Path archive;
    private final Register register;
    private final OneLetterPerNumber oneLetterPerNumber;
    /** The letter of a page group being read now: a late page waits for it to be indexed. */
    private final OneAtATime reading = new OneAtATime("page group");

    public LatePages(LetterIndex index, EngineClient engine, Path archive, Register register,
            OneLetterPerNumber oneLetterPerNumber) {
        this.index = index;
        this.oneLetterPerNumber = oneLetterPerNumber;
        this.engine = engine;
        this.archive = archive;
        this.register = register;
    }

    /**
     * Body in and out: the completed {@link PageGroup}. When its group is indexed already,
     * the body becomes the whole letter (earlier pages and new ones, in page order) under the
     * indexed letter's id and number, or {@link #Headers.NOTHING_NEW} is set.
     */
    public PageGroup join(Exchange exchange) throws InterruptedException {
        Message in = exchange.getMessage();
        PageGroup group = in.getBody(PageGroup.class);
        String pageGroup = PageFileName.pageGroup(register.roundCode(), in.getHeader(Headers.GROUP_KEY, String.class));
        // two letters of one group are never read at once: a late page completed while its letter
        // is still being read waits until that letter is indexed (or has failed), then finds it
        reading.enter(exchange, pageGroup, Headers.READING_PAGE_GROUP);

        ObjectNode extra = Json.MAPPER.createObjectNode().put("page_group", pageGroup);
        in.setHeader(Headers.EXTRA_FIELDS, extra);
        ObjectNode indexed = index.latestOfPageGroup(pageGroup);
        if (indexed == null) {
            // the same bytes may have come before as a file by itself or under another page group
            String holder = oneLetterPerNumber.otherLetterWithTheseBytes(exchange, in.getHeader(Headers.LETTER_ID, String.class),
                    shas(group), pageGroup);
            if (holder != null) {
                group.pages().forEach(p -> index.addFileName(holder, p.name()));
                in.setHeader(Headers.NOTHING_NEW, true);
                return group;
            }
            extra.set("page_files", pageFiles(group.pages()));
            followNumber(in, pageGroup, group);
            return group;
        }
        String id = indexed.path("id").asText();
        List<PageFile> known = knownPages(indexed);
        if (known.isEmpty()) {
            // cannot happen with documents this class wrote; never index a letter without its pages
            LOG.warn("letter {} of the same page group lists no page files: the new pages are read as a new letter",
                    LetterIds.shortId(id));
            extra.set("page_files", pageFiles(group.pages()));
            followNumber(in, pageGroup, group);
            return group;
        }
        Set<String> knownBytes = new HashSet<>();
        Set<Integer> knownNumbers = new HashSet<>();
        known.forEach(p -> {
            knownBytes.add(p.sha256());
            knownNumbers.add(p.page());
        });
        List<PageFile> fresh = group.pages().stream().filter(p -> !knownBytes.contains(p.sha256())).toList();
        if (fresh.isEmpty()) {
            for (PageFile p : group.pages()) {
                index.addFileName(id, p.name());
            }
            in.setHeader(Headers.NOTHING_NEW, true);
            LOG.info("page files of letter {} arrived again: no new page", LetterIds.shortId(id));
            return group;
        }
        Set<Integer> freshNumbers = new HashSet<>();
        boolean conflict = fresh.stream().anyMatch(p -> knownNumbers.contains(p.page()) || !freshNumbers.add(p.page()));
        if (conflict) {
            // a page number the letter has with other bytes: a replacement or another letter of
            // the same name; merging would hide a page, so these pages are a letter of their own
            // its pages were registered with the indexed letter's number (same page group): the new
            // letter takes a number of its own, and later pages of the group follow it
            String number = register.renumber(pageGroup, shas(group), indexed.path("registration_no").asText(null));
            in.setHeader(Headers.REGISTRATION_NO, number);
            LOG.warn("page files ({}) of group {} repeat a page number of letter {} with other content: read as a new letter {}",
                    group.pages().size(), LetterIds.shortId(in.getHeader(Headers.LETTER_ID, String.class)), LetterIds.shortId(id),
                    number);
            extra.set("page_files", pageFiles(group.pages()));
            return group;
        }

        List<PageFile> all = new ArrayList<>(known);
        all.addAll(fresh);
        PageGroup letter = PageGroups.describe(exchange, all, id);
        Set<String> names = new LinkedHashSet<>(letter.pages().stream().map(PageFile::name).toList());
        indexed.path("file_names").forEach(n -> names.add(n.asText())); // other names the same bytes came under
        group.pages().forEach(p -> names.add(p.name()));
        in.setHeader(Headers.FILE_NAMES, List.copyOf(names));
        if (indexed.hasNonNull("registration_no")) {
            String number = indexed.path("registration_no").asText();
            in.setHeader(Headers.REGISTRATION_NO, number);
            // normally they have it already (the register gave them their group's number)
            register.follow(pageGroup, shas(group), number);
        }
        in.setHeader(Headers.RECEIVED_AT, Instant.parse(indexed.path("received_at").asText()));
        in.setHeader(Headers.REREAD_OF, id);
        extra.set("page_files", pageFiles(letter.pages()));
        for (String field : KEPT) {
            if (indexed.hasNonNull(field)) {
                extra.set(field, indexed.get(field));
            }
        }
        LOG.info("{} late page file(s) join letter {} ({}): read again with {} page files", fresh.size(),
                LetterIds.shortId(id), indexed.path("registration_no").asText("?"), letter.pages().size());
        return letter;
    }

    /** After a letter read again was indexed: its recorded corrections are applied to it again. */
    public void rejoined(Exchange exchange) {
        String id = exchange.getMessage().getHeader(Headers.REREAD_OF, String.class);
        if (id == null) {
            return;
        }
        int n = new CorrectionStore(engine, index.alias()).reapplyTo(id);
        if (n > 0) {
            LOG.info("letter {}: {} corrections applied again", LetterIds.shortId(id), n);
        }
    }

    /** A letter of these pages alone: every page file of it registered with its number. */
    private void followNumber(Message in, String pageGroup, PageGroup group) {
        String number = in.getHeader(Headers.REGISTRATION_NO, String.class);
        if (number != null) {
            register.follow(pageGroup, shas(group), number);
        }
    }

    private static List<String> shas(PageGroup group) {
        return group.pages().stream().map(PageFile::sha256).toList();
    }

    private List<PageFile> knownPages(ObjectNode indexed) {
        Instant received = Instant.parse(indexed.path("received_at").asText());
        List<PageFile> pages = new ArrayList<>();
        for (JsonNode p : indexed.path("page_files")) {
            pages.add(new PageFile(p.path("page").asInt(), archive.resolve(p.path("archive_name").asText()),
                    p.path("name").asText(), p.path("sha256").asText(), received, null));
        }
        return pages;
    }

    private static ArrayNode pageFiles(List<PageFile> pages) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (PageFile p : pages) {
            out.addObject().put("page", p.page()).put("name", p.name()).put("sha256", p.sha256())
                    .put("archive_name", p.archived().getFileName().toString());
        }
        return out;
    }
}
