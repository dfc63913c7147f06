package org.pobox.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.pobox.index.LetterIndex;
import org.pobox.letter.Headers;
import org.pobox.letter.LetterIds;
import org.pobox.letter.PageFileName;
import org.pobox.register.Register;
import org.pobox.scan.BadFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step for every file that enters: it gets its identity (the SHA-256 of its bytes), a
 * safe name for the folders it will end in, and, if it fails, a {@code .reason} file beside it.
 */
public class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

    private final LetterIndex index;
    private final Path failedDir;
    private final Path archiveDir;
    private final Register register;
    private final Inbox inbox;
    private final InFlight inFlight = new InFlight();
    private final OneLetterPerNumber oneLetterPerNumber;
    /** Names given in archive/ and failed/ by this process, not yet there: two files never get one. */
    private final java.util.Set<Path> reserved = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Intake(LetterIndex index, Path archiveDir, Path failedDir, Register register, Inbox inbox,
            OneLetterPerNumber oneLetterPerNumber) {
        this.index = index;
        this.oneLetterPerNumber = oneLetterPerNumber;
        this.archiveDir = archiveDir;
        this.failedDir = failedDir;
        this.register = register;
        this.inbox = inbox;
    }

    /** Sets the letter id and the names the file will have in {@code archive/} or {@code failed/}. */
    public void identify(Exchange exchange) {
        Path file = Headers.filePath(exchange);
        bindWorkFile(exchange, file);
        String id;
        try {
            id = LetterIds.sha256(file);
        } catch (java.io.UncheckedIOException e) {
            throw new BadFileException(e.getMessage(), e);
        }
        // the name it arrived under, exactly (the inbox may have renamed it: see Inbox), and its
        // plain form for the folders it ends in and for recognising page files
        String original = inbox.originalName(file.getFileName().toString());
        String safe = FileNames.sanitise(original);
        // registered before anything else happens to it; a replay (restart, same bytes again) keeps
        // its first number and its first time of receipt. A page file (x_p2.png) takes the number
        // of its letter when a page of it came before: one letter, one number.
        String pageGroup = PageFileName.parse(safe).map(p -> p.pageGroup(register.roundCode())).orElse(null);
        Register.Entry registration = register.register(id, Instant.now(), pageGroup);
        Instant received = registration.receivedAt();
        exchange.getIn().setHeader(Headers.REGISTRATION_NO, registration.number());
        exchange.getIn().setHeader(Headers.LETTER_ID, id);
        exchange.getIn().setHeader(Headers.SAFE_NAME, safe);
        exchange.getIn().setHeader(Headers.ORIGINAL_NAME, original);
        exchange.getIn().setHeader(Headers.RECEIVED_AT, received);
        // the id prefix keeps two different scans that share a name apart; the same bytes under the
        // same name again get a name of their own (<sha12>~2-<name>): no file replaces another
        String archiveName = reserve(archiveDir, id.substring(0, 12), "-" + safe);
        exchange.getIn().setHeader(Headers.ARCHIVE_NAME, archiveName);
        exchange.getIn().setHeader(Headers.FAILED_NAME, failedName(received, id, safe));
        exchange.getIn().setHeader(Headers.DESTINATION, archiveDir.resolve(archiveName).toString());
        LOG.info("file {} registered as {}", LetterIds.shortId(id), registration.number());
    }

    /**
     * The same bytes were indexed before (perhaps under another name, perhaps before a restart):
     * the letter is not read again; its document just learns the new file name. The same bytes
     * being read right now (another copy in this batch, on the other worker) count too: this copy
     * waits for that one and then adds its name, or fails with its reason.
     */
    public boolean alreadyIndexed(Exchange exchange) throws InterruptedException {
        org.apache.camel.Message in = exchange.getIn();
        String id = in.getHeader(Headers.LETTER_ID, String.class);
        String name = in.getHeader(Headers.ORIGINAL_NAME, in.getHeader(Headers.SAFE_NAME, String.class), String.class);
        if (PageFileName.parse(in.getHeader(Headers.SAFE_NAME, String.class)).isPresent()) {
            // a page file: decided with the rest of its letter in routes/group.camel.yaml (LatePages
            // knows repeats; pages all in another letter are that letter: OneLetterPerNumber)
            return false;
        }
        while (true) {
            java.util.concurrent.CompletableFuture<InFlight.Result> first = inFlight.claim(id);
            if (first == null) {
                String holder;
                try {
                    // its own letter, or (the same bytes came as a page file before) the letter of those pages
                    holder = index.contains(id) ? id : oneLetterPerNumber.otherLetterWithTheseBytes(exchange, id, List.of(id), null);
                } catch (RuntimeException | InterruptedException e) {
                    inFlight.done(id, new InFlight.Result(InFlight.Outcome.UNFINISHED, null, null));
                    throw e;
                }
                if (holder != null) {
                    inFlight.done(id, new InFlight.Result(InFlight.Outcome.INDEXED, null, holder));
                } else {
                    exchange.getExchangeExtension().addOnCompletion(new ReadOnce(id));
                }
                return known(exchange, holder, name, holder != null);
            }
            InFlight.Result result = InFlight.await(first);
            switch (result.outcome()) {
                case INDEXED:
                    return known(exchange, result.letterId(), name, true);
                case FAILED:
                    throw new BadFileException(result.reason());
                default:
                    // the first copy did not finish (engine away, shutdown): this one tries itself
            }
        }
    }

    private boolean known(Exchange exchange, String id, String name, boolean known) {
        if (known) {
            index.addFileName(id, name);
            LOG.info("letter {} already indexed: file archived, no second document", LetterIds.shortId(id));
        }
        exchange.getIn().setHeader(Headers.ALREADY_INDEXED, known);
        return known;
    }

    /** Tells the copies of a letter that wait for its first copy how that one ended. */
    private final class ReadOnce extends org.apache.camel.support.SynchronizationAdapter {
        private final String id;

        ReadOnce(String id) {
            this.id = id;
        }

        @Override
        public void onComplete(Exchange exchange) {
            String destination = exchange.getMessage().getHeader(Headers.DESTINATION, String.class);
            if (destination != null && Path.of(destination).startsWith(failedDir)) {
                Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
                inFlight.done(id, new InFlight.Result(InFlight.Outcome.FAILED, reasonOf(cause), null));
            } else {
                inFlight.done(id, new InFlight.Result(InFlight.Outcome.INDEXED, null, id));
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            inFlight.done(id, new InFlight.Result(InFlight.Outcome.UNFINISHED, null, null));
        }
    }

    /**
     * A name in {@code dir} that no file has and no other file of this process was given:
     * {@code <head><rest>}, else {@code <head>~2<rest>}, {@code ~3}... (the head is a hash prefix,
     * so the report and the rebuild still find it). A {@code .reason} beside it counts as taken.
     */
    String reserve(Path dir, String head, String rest) {
        for (int n = 1; ; n++) {
            String name = head + (n == 1 ? "" : "~" + n) + rest;
            Path p = dir.resolve(name);
            if (!Files.exists(p) && !Files.exists(dir.resolve(name + ".reason")) && reserved.add(p)) {
                return name;
            }
        }
    }

    /**
     * A name in failed/: {@code yyyyMMdd-HHmmss-<sha8>-<name>}, the time of receipt and the file's
     * SHA-256 prefix, by which the report finds the day and the registration number.
     */
    public static String failedName(Instant receivedAt, String sha256, String safeName) {
        return STAMP.format(receivedAt) + "-" + sha256.substring(0, 8) + "-" + safeName;
    }

    /** Writes {@code failed/<name>.reason} before the file itself is moved there. */
    public void recordFailure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String wanted = exchange.getIn().getHeader(Headers.FAILED_NAME, String.class);
        if (wanted == null) {
            // identify() itself failed (unreadable file): named after its name on disk
            wanted = FileNames.sanitise(exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class));
        }
        // <stamp>-<sha8>[~n]-<name>: the report reads the day and the hash prefix at fixed places
        int head = wanted.matches("\\d{8}-\\d{6}-[0-9a-f]{8}-.*") ? 24 : 0;
        String name = reserve(failedDir, wanted.substring(0, head), wanted.substring(head));
        exchange.getIn().setHeader(Headers.FAILED_NAME, name);
        exchange.getIn().setHeader(Headers.DESTINATION, failedDir.resolve(name).toString());
        String reason = reasonOf(cause);
        String original = exchange.getIn().getHeader(Headers.ORIGINAL_NAME, String.class);
        if (original != null && !original.equals(exchange.getIn().getHeader(Headers.SAFE_NAME, String.class))) {
            // the name it came under, exactly, quoted and escaped: it may hold a newline or a bidi override
            reason = reason + System.lineSeparator() + "received as: " + FileNames.visible(original);
        }
        try {
            Files.createDirectories(failedDir);
            // written aside and moved in whole: a full disk leaves no half reason behind
            Path tmp = failedDir.resolve("." + name + ".reason.tmp");
            Files.writeString(tmp, reason + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, failedDir.resolve(name + ".reason"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reason for " + name, e);
        }
        LOG.warn("file {} failed: {}", name, reason);
    }

    public static String reasonOf(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        if (cause instanceof BadFileException) {
            return cause.getMessage();
        }
        Throwable root = cause;
        while (root.getCause() != null && !(root instanceof BadFileException)) {
            root = root.getCause();
        }
        if (root instanceof BadFileException) {
            return root.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /**
     * After the consumer's preMove the message body is the bare {@code java.io.File} in work/; the
     * routes after this one read {@code body.file} of the {@code GenericFile}, so that is put back.
     */
    @SuppressWarnings("unchecked")
    private static void bindWorkFile(Exchange exchange, Path file) {
        GenericFile<Object> gf = exchange.getProperty(org.apache.camel.component.file.FileComponent.FILE_EXCHANGE_FILE,
                GenericFile.class);
        if (gf == null) {
            return;
        }
        if (!(gf.getFile() instanceof java.io.File f) || !f.toPath().equals(file)) {
            gf.setFile(file.toFile());
        }
        exchange.getIn().setBody(gf);
    }

}
