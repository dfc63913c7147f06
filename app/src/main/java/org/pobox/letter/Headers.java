package org.pobox.letter;

import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.spi.Metadata;

/**
 * Every exchange header pobox sets or reads, in one place: the routes name them as
 * {@code ${header.PoboxLetterId}}, the beans through these constants. All start with
 * {@code Pobox}, as Camel's own start with {@code Camel}. The two OCR components name this class
 * as their {@code headersClass}, so Camel's tooling lists the headers they read and write.
 */
public final class Headers {

    // set by the intake when a file is taken
    /** The letter's id: the SHA-256 of its bytes, or of its page files' SHA-256s in page order. */
    public static final String LETTER_ID = "PoboxLetterId";
    /** The name the file arrived under, exactly as it was (for {@code file_names}; may hold anything). */
    public static final String ORIGINAL_NAME = "PoboxOriginalName";
    /** The file's name made safe for the folders it ends in. */
    public static final String SAFE_NAME = "PoboxSafeName";
    /** Its name in {@code archive/}. */
    public static final String ARCHIVE_NAME = "PoboxArchiveName";
    /** Its name in {@code failed/}, should it fail. */
    public static final String FAILED_NAME = "PoboxFailedName";
    /** When it was first received (kept across replays by the register). */
    public static final String RECEIVED_AT = "PoboxReceivedAt";
    /** True when the same bytes are indexed already. */
    public static final String ALREADY_INDEXED = "PoboxAlreadyIndexed";
    /** Where the intake route's {@code move} puts the file when the exchange ends: archive/ or failed/. */
    public static final String DESTINATION = "PoboxDestination";
    /** The registration number (登记编号) the register gave it. */
    public static final String REGISTRATION_NO = "PoboxRegistrationNo";

    // page groups (routes/group.camel.yaml)
    /** The letter a page file belongs to (its {@link PageFileName#letter()}). */
    public static final String GROUP_KEY = "PoboxGroupKey";
    /** The file names of a grouped letter, in page order. */
    public static final String FILE_NAMES = "PoboxFileNames";
    /** The page files of an indexed letter came again: nothing new to read. */
    public static final String NOTHING_NEW = "PoboxNothingNew";
    /** The id of the indexed letter this one is a new reading of (a late page joined it). */
    public static final String REREAD_OF = "PoboxRereadOf";
    /** Fields of the indexed letter that its new reading keeps (number, seal, page group). */
    public static final String EXTRA_FIELDS = "PoboxExtraFields";
    /** Set on the exchange that holds its page group for reading (OneAtATime), so a redelivery does not wait for itself. */
    public static final String READING_PAGE_GROUP = "PoboxReadingPageGroup";
    /** Set on the exchange that holds its registration number for reading (OneAtATime), likewise. */
    public static final String READING_NUMBER = "PoboxReadingNumber";

    // ocr (routes/ocr.camel.yaml and the tesseract: and paddle: components)
    /** The OCR engine a page goes to: {@code paddle} or {@code tesseract}. */
    public static final String OCR_ENGINE = "PoboxOcrEngine";
    /** Why a page went to Tesseract instead of Paddle. */
    public static final String FALLBACK = "PoboxFallback";
    /** The page number of the page being read. */
    public static final String PAGE_NUMBER = "PoboxPageNumber";
    @Metadata(description = "The page to read, a java.awt.image.BufferedImage (else the body is read as an image file)",
            javaType = "java.awt.image.BufferedImage")
    public static final String PAGE_IMAGE = "PoboxPage";
    @Metadata(description = "The page's scan resolution in dots per inch (else the endpoint's dpi)", javaType = "Integer")
    public static final String DPI = "PoboxDpi";
    @Metadata(description = "Out: what Tesseract read, with confidence and line boxes", javaType = "org.pobox.ocr.tesseract.TesseractPage")
    public static final String TESSERACT_PAGE = "PoboxTesseractPage";
    @Metadata(description = "Out: what Paddle read, with confidence and line boxes", javaType = "org.pobox.ocr.paddle.PaddlePage")
    public static final String PADDLE_PAGE = "PoboxPaddlePage";
    /** The archived files a letter was read from, for its OCR record. */
    public static final String SOURCES = "PoboxSources";

    // the search engine
    /**
     * camel-elasticsearch's own header ({@code ElasticsearchConstants.PARAM_INDEX_NAME}): the index
     * a letter is written to instead of the alias; set by {@code pobox reindex} for the index it builds.
     */
    public static final String INDEX_NAME = "indexName";
    /** Since when the letter has waited for the search engine. */
    public static final String ENGINE_WAITING_SINCE = "PoboxEngineWaitingSince";

    private Headers() {
    }

    /** The file an exchange of the intake carries (its body, a GenericFile or a File). */
    public static Path filePath(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof GenericFile<?> gf) {
            return Path.of(gf.getAbsoluteFilePath());
        }
        return exchange.getIn().getBody(java.io.File.class).toPath();
    }
}
