package org.pobox.pipeline;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.pobox.group.PageGroups;
import org.pobox.index.CorrectionStore;
import org.pobox.index.LetterDocument;
import org.pobox.intake.Intake;
import org.pobox.letter.Headers;
import org.pobox.letter.Json;
import org.pobox.letter.Letter;
import org.pobox.letter.LetterIds;
import org.pobox.letter.PageFile;
import org.pobox.letter.PageFileName;
import org.pobox.node.EngineClient;
import org.pobox.ocr.OcrRecords;
import org.pobox.pipeline.ArchivedLetters.ArchivedFile;
import org.pobox.pipeline.ArchivedLetters.ArchivedLetter;
import org.pobox.register.Register;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pobox reindex}: the letters index rebuilt from {@code archive/} into the next versioned
 * index, then the alias swapped (see {@link Reindexer}). Searches go to the old index until the
 * swap; the batch lock (taken by the command) keeps batches from writing meanwhile.
 *
 * <p>Each archived letter ({@link ArchivedLetters}) goes through {@code routes/reindex.camel.yaml},
 * the same ocr, understand and index routes as a batch: read again by the ocr route when asked
 * ({@code reocr}) or when no OCR record was kept, else taken from its record ({@link OcrRecords});
 * understood again with the current seeds and model; indexed under the same id into the new index.
 * What only people or the register gave a letter is carried over from its old document:
 * its registration number, the names it was received under, when it was received, sealing and
 * box; investigators' corrections (and transcripts) are applied again from
 * {@code <alias>-corrections}. A letter in the archive but not in the index is recovered and gets
 * its number from the register (the one it was registered with, or the next one). A letter in the
 * index whose scan is not in the archive, or whose rebuild failed, keeps its old document: nothing
 * is lost. The alias is swapped only when the new index holds every letter.
 */
public final class Rebuilder {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuilder.class);

    private final Pipeline pipeline;
    private final EngineClient engine;
    private final ElasticsearchClient client;
    private final String alias;
    private final Register register;
    private final OcrRecords records;
    private final java.nio.file.Path archive;

    /** @param pipeline started with {@link Pipeline#forRebuild}: its ocr route reads the scans */
    public Rebuilder(Pipeline pipeline, EngineClient engine, String alias, java.nio.file.Path archive) {
        this.pipeline = pipeline;
        this.engine = engine;
        this.client = engine.client();
        this.alias = alias;
        this.register = pipeline.register();
        this.archive = archive;
        this.records = new OcrRecords(archive);
    }

    /** Told after each letter. */
    @FunctionalInterface
    public interface Progress {
        void onLetter(int done, int total, int readAgain);
    }

    /**
     * What the rebuild did.
     *
     * @param fromRecord letters understood again from their OCR record
     * @param readAgain  letters OCRed again from their scans
     * @param recovered  letters in the archive that were not in the index: id → registration number
     * @param kept       letters in the index without a scan in the archive: their old document kept
     * @param failed     letters whose rebuild failed: id → reason (their old document kept if any)
     * @param swapped    whether the alias now points to {@code to}
     */
    public record Result(String from, String to, long documents, int fromRecord, int readAgain,
                         Map<String, String> recovered, List<String> kept, Map<String, String> failed,
                         int corrections, boolean swapped) {
    }

    public Result rebuild(boolean reocr, Progress progress) {
        Reindexer versions = new Reindexer(engine, alias);
        try {
            String current = versions.currentIndex();
            List<String> oldIds = ids(current);
            List<ArchivedLetter> letters = ArchivedLetters.scan(archive, records, register);
            LOG.info("reindex of {}: {} letters in the archive, {} in {}{}", alias, letters.size(), oldIds.size(),
                    current, reocr ? ", all read again" : "");
            String next = versions.createNext(current);
            ProducerTemplate routes = pipeline.camel().createProducerTemplate();

            Set<String> rebuilt = new LinkedHashSet<>();
            Set<String> inNext = new LinkedHashSet<>();
            Map<String, String> recovered = new LinkedHashMap<>();
            Map<String, String> failed = new LinkedHashMap<>();
            int fromRecord = 0;
            int readAgain = 0;
            int done = 0;
            // in order of receipt, so a repeat is linked to a letter already rebuilt
            for (ArchivedLetter a : letters) {
                ObjectNode old = oldDocument(current, a.id());
                try {
                    Instant received = old != null && old.hasNonNull("received_at")
                            ? Instant.parse(old.get("received_at").asText()) : a.receivedAt();
                    boolean fromItsRecord = !reocr && a.record() != null;
                    String number = old != null && old.hasNonNull("registration_no")
                            ? old.get("registration_no").asText() : registration(a, received);
                    Exchange exchange = letterExchange(routes, a, old, received, number, next, fromItsRecord);
                    Exchange result = routes.send("direct:reindex", exchange);
                    if (result.getException() != null) {
                        throw org.apache.camel.CamelExecutionException.wrapCamelExecutionException(result,
                                result.getException());
                    }
                    if (fromItsRecord) {
                        fromRecord++;
                    } else {
                        readAgain++;
                    }
                    if (old == null) {
                        recovered.put(a.id(), number);
                        LOG.info("letter {} recovered from the archive as {}", LetterIds.shortId(a.id()), number);
                    }
                    rebuilt.add(a.id());
                    inNext.add(a.id());
                } catch (RuntimeException e) {
                    failed.put(a.id(), Intake.reasonOf(e));
                    LOG.warn("letter {} could not be rebuilt ({}){}", LetterIds.shortId(a.id()), e.getClass().getSimpleName(),
                            old != null ? "; its old document is kept" : "");
                    if (old != null) {
                        index(next, a.id(), old);
                        inNext.add(a.id());
                    }
                }
                progress.onLetter(++done, letters.size(), readAgain);
            }
            List<String> kept = new ArrayList<>();
            for (String id : oldIds) {
                if (!inNext.contains(id)) {
                    index(next, id, oldDocument(current, id));
                    inNext.add(id);
                    kept.add(id);
                    LOG.info("letter {} has no scan in the archive: its old document is kept", LetterIds.shortId(id));
                }
            }
            int corrections = new CorrectionStore(engine, alias).reapply(next, rebuilt);

            client.indices().refresh(r -> r.index(next));
            long documents = versions.count(next);
            if (documents != inNext.size() || !inNext.containsAll(oldIds)) {
                LOG.error("reindex into {} holds {} of {} letters; the alias still points to {}", next, documents,
                        inNext.size(), current);
                return new Result(current, next, documents, fromRecord, readAgain, recovered, kept, failed, corrections, false);
            }
            versions.swap(current, next);
            LOG.info("reindex of {} done: {} letters ({} from OCR records, {} read again, {} recovered, {} kept, "
                    + "{} failed), {} corrections applied again", alias, documents, fromRecord, readAgain,
                    recovered.size(), kept.size(), failed.size(), corrections);
            return new Result(current, next, documents, fromRecord, readAgain, recovered, kept, failed, corrections, true);
        } catch (IOException e) {
            throw new UncheckedIOException("reindex of " + alias + " failed; the alias is unchanged", e);
        }
    }

    /**
     * The exchange the reindex route takes for one archived letter, described as the intake and
     * group routes describe a letter: its body the Letter its OCR record kept, or its archived
     * scan(s) for the ocr route to read again (which keeps a new record); written to {@code next}.
     */
    private Exchange letterExchange(ProducerTemplate routes, ArchivedLetter a, ObjectNode old, Instant received,
                                    String number, String next, boolean fromItsRecord) {
        Exchange exchange = new DefaultExchange(routes.getCamelContext());
        Message in = exchange.getMessage();
        List<String> names = names(old, a);
        ArchivedFile first = a.files().get(0);
        if (!fromItsRecord && a.grouped()) {
            List<PageFile> pages = a.files().stream().map(f -> new PageFile(
                    PageFileName.parse(f.name()).map(PageFileName::page).orElse(1), f.path(), f.name(), f.sha256(),
                    f.receivedAt(), null)).toList();
            in.setBody(PageGroups.describe(exchange, pages, a.id()));
        } else {
            in.setHeader(Headers.LETTER_ID, a.id());
            in.setHeader(Headers.SAFE_NAME, first.name());
            in.setBody(first.path().toFile());
        }
        in.setHeader(Headers.ARCHIVE_NAME, archiveName(old, a));
        in.setHeader(Headers.FILE_NAMES, names);
        in.setHeader(Headers.RECEIVED_AT, received);
        in.setHeader(Headers.REGISTRATION_NO, number);
        in.setHeader(Headers.INDEX_NAME, next);
        ObjectNode given = Json.MAPPER.createObjectNode();
        for (String field : LetterDocument.GIVEN_BY_PEOPLE) {
            if (old != null && old.hasNonNull(field)) {
                given.set(field, old.get(field));
            }
        }
        in.setHeader(Headers.EXTRA_FIELDS, given);
        if (fromItsRecord) {
            Letter read = a.record().letter();
            in.setBody(Letter.of(a.id(), names, archiveName(old, a), received, read.pages(), read.reviewReasons()));
        }
        return exchange;
    }

    /**
     * The number of a letter not in the index: the one the register gave its file (for a letter
     * of per-page files, the one its page files share, looked up by the first of them to arrive),
     * else the next one.
     */
    private String registration(ArchivedLetter a, Instant received) {
        Register.Entry known = register.find(a.id());
        if (known == null && a.grouped()) {
            known = a.files().stream().map(f -> register.find(f.sha256())).filter(java.util.Objects::nonNull)
                    .min(Comparator.comparing(Register.Entry::receivedAt)).orElse(null);
        }
        return known != null ? known.number() : register.register(a.id(), received).number();
    }

    /** The scan the viewer shows: the old document's while it is in the archive, else the letter's first file. */
    private String archiveName(ObjectNode old, ArchivedLetter a) {
        String given = old == null ? null : old.path("archive_name").asText(null);
        if (given != null && !given.contains("/") && java.nio.file.Files.isRegularFile(archive.resolve(given))) {
            return given;
        }
        return a.files().get(0).path().getFileName().toString();
    }

    /** The names from the old document first (their order as people saw it), then any other archived name. */
    private static List<String> names(ObjectNode old, ArchivedLetter a) {
        Set<String> names = new LinkedHashSet<>();
        if (old != null && old.path("file_names") instanceof ArrayNode given) {
            given.forEach(n -> names.add(n.asText()));
        }
        names.addAll(a.names());
        return List.copyOf(names);
    }

    private void index(String index, String id, JsonNode json) {
        try {
            // refreshed at once: the next letter's repeat lookup must see this one
            client.index(i -> i.index(index).id(id).withJson(new StringReader(json.toString())).refresh(Refresh.True));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index letter " + LetterIds.shortId(id) + " into " + index, e);
        }
    }

    private ObjectNode oldDocument(String index, String id) {
        try {
            var got = client.get(g -> g.index(index).id(id), ObjectNode.class);
            return got.found() ? got.source() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read letter " + LetterIds.shortId(id) + " from " + index, e);
        }
    }

    /** Every letter id in {@code index}, a page at a time. */
    private List<String> ids(String index) throws IOException {
        List<String> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            var resp = client.search(s -> {
                s.index(index).size(1000).sort(o -> o.field(f -> f.field("id"))).source(src -> src.fetch(false));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, ObjectNode.class);
            List<Hit<ObjectNode>> hits = resp.hits().hits();
            hits.forEach(h -> out.add(h.id()));
            if (hits.size() < 1000) {
                return out;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
