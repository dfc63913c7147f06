package org.pobox.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    public Intake(LetterIndex index, Path archiveDir, Path failedDir, Register register) {
        this.index = index;
        this.archiveDir = archiveDir;
        this.failedDir = failedDir;
        this.register = register;
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
        String safe = FileNames.sanitise(file.getFileName().toString());
        // registered before anything else happens to it; a replay (restart, same bytes again) keeps
        // its first number and its first time of receipt. A page file (x_p2.png) takes the number
        // of its letter when a page of it came before: one letter, one number.
        String pageGroup = PageFileName.parse(safe).map(p -> p.pageGroup(register.roundCode())).orElse(null);
        Register.Entry registration = register.register(id, Instant.now(), pageGroup);
        Instant received = registration.receivedAt();
        exchange.getIn().setHeader(Headers.REGISTRATION_NO, registration.number());
        exchange.getIn().setHeader(Headers.LETTER_ID, id);
        exchange.getIn().setHeader(Headers.SAFE_NAME, safe);
        exchange.getIn().setHeader(Headers.RECEIVED_AT, received);
        // the id prefix keeps two different scans that share a name apart; the same bytes under the
        // same name land on the same archive path, which loses nothing
        exchange.getIn().setHeader(Headers.ARCHIVE_NAME, id.substring(0, 12) + "-" + safe);
        exchange.getIn().setHeader(Headers.FAILED_NAME, failedName(received, id, safe));
        exchange.getIn().setHeader(Headers.DESTINATION, archiveDir.resolve(id.substring(0, 12) + "-" + safe).toString());
        LOG.info("file {} registered as {}", LetterIds.shortId(id), registration.number());
    }

    /**
     * The same bytes were indexed before (perhaps under another name, perhaps before a restart):
     * the letter is not read again; its document just learns the new file name.
     */
    public boolean alreadyIndexed(Exchange exchange) {
        String id = exchange.getIn().getHeader(Headers.LETTER_ID, String.class);
        boolean known = index.contains(id);
        if (known) {
            index.addFileName(id, exchange.getIn().getHeader(Headers.SAFE_NAME, String.class));
            LOG.info("letter {} already indexed: file archived, no second document", LetterIds.shortId(id));
        }
        exchange.getIn().setHeader(Headers.ALREADY_INDEXED, known);
        return known;
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
        String name = exchange.getIn().getHeader(Headers.FAILED_NAME, String.class);
        if (name == null) {
            // identify() itself failed (unreadable file): the consumer's default failed name applies
            name = FileNames.sanitise(exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class));
        }
        exchange.getIn().setHeader(Headers.DESTINATION, failedDir.resolve(name).toString());
        String reason = reasonOf(cause);
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
