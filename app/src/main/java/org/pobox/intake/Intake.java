package org.pobox.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.pobox.index.LetterIndex;
import org.pobox.ocr.PageFileName;
import org.pobox.register.Register;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step for every file that enters: it gets its identity (the SHA-256 of its bytes), a
 * safe name for the folders it will end in, and, if it fails, a {@code .reason} file beside it.
 */
public class Intake {

    /** Exchange headers set here and read by the routes. */
    public static final String LETTER_ID = "poboxLetterId";
    public static final String SAFE_NAME = "poboxSafeName";
    public static final String ARCHIVE_NAME = "poboxArchiveName";
    public static final String FAILED_NAME = "poboxFailedName";
    public static final String RECEIVED_AT = "poboxReceivedAt";
    public static final String ALREADY_INDEXED = "poboxAlreadyIndexed";
    /** Where the intake route's {@code move} puts the file when the exchange ends: archive/ or failed/. */
    public static final String DESTINATION = "poboxDestination";
    public static final String REGISTRATION_NO = "poboxRegistrationNo";

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
        Path file = filePath(exchange);
        bindWorkFile(exchange, file);
        String id = sha256(file);
        String safe = FileNames.sanitise(file.getFileName().toString());
        // registered before anything else happens to it; a replay (restart, same bytes again) keeps
        // its first number and its first time of receipt. A page file (x_p2.png) takes the number
        // of its letter when a page of it came before: one letter, one number.
        String pageGroup = PageFileName.parse(safe).map(p -> p.pageGroup(register.roundCode())).orElse(null);
        Register.Entry registration = register.register(id, Instant.now(), pageGroup);
        Instant received = registration.receivedAt();
        exchange.getIn().setHeader(REGISTRATION_NO, registration.number());
        exchange.getIn().setHeader(LETTER_ID, id);
        exchange.getIn().setHeader(SAFE_NAME, safe);
        exchange.getIn().setHeader(RECEIVED_AT, received);
        // the id prefix keeps two different scans that share a name apart; the same bytes under the
        // same name land on the same archive path, which loses nothing
        exchange.getIn().setHeader(ARCHIVE_NAME, id.substring(0, 12) + "-" + safe);
        exchange.getIn().setHeader(FAILED_NAME, failedName(received, id, safe));
        exchange.getIn().setHeader(DESTINATION, archiveDir.resolve(id.substring(0, 12) + "-" + safe).toString());
        LOG.info("file {} registered as {}", shortId(id), registration.number());
    }

    /**
     * The same bytes were indexed before (perhaps under another name, perhaps before a restart):
     * the letter is not read again; its document just learns the new file name.
     */
    public boolean alreadyIndexed(Exchange exchange) {
        String id = exchange.getIn().getHeader(LETTER_ID, String.class);
        boolean known = index.contains(id);
        if (known) {
            index.addFileName(id, exchange.getIn().getHeader(SAFE_NAME, String.class));
            LOG.info("letter {} already indexed: file archived, no second document", shortId(id));
        }
        exchange.getIn().setHeader(ALREADY_INDEXED, known);
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
        String name = exchange.getIn().getHeader(FAILED_NAME, String.class);
        if (name == null) {
            // identify() itself failed (unreadable file): the consumer's default failed name applies
            name = FileNames.sanitise(exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class));
        }
        exchange.getIn().setHeader(DESTINATION, failedDir.resolve(name).toString());
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

    public static Path filePath(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof GenericFile<?> gf) {
            return Path.of(gf.getAbsoluteFilePath());
        }
        return exchange.getIn().getBody(java.io.File.class).toPath();
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[64 * 1024];
            while (in.read(buf) >= 0) {
                // reading feeds the digest
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new BadFileException("cannot read the file: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a text, for ids made of other ids (a letter whose pages came as separate files). */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(12, id.length()));
    }
}
