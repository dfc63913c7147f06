/**
 * The {@code paddle:} Camel component: PaddleOCR's PP-OCRv4 models (detection, 0/180
 * direction, recognition) run in-process on ONNX Runtime. The models are fetched by
 * {@code bin/fetch-models} into {@code models/paddle/} (checked against {@code bin/models.sha256}).
 *
 * <pre>
 * # routes/ocr.yaml
 * - to: paddle:read?workers=2     # body: BufferedImage in, PageText out
 * </pre>
 *
 * Options: {@code modelDir} (&lt;pobox.home&gt;/models/paddle), {@code workers} (available
 * processors), {@code detLimitSide} (800), {@code recBatch} (1), {@code timeoutMs} (120000; 0 =
 * none), {@code seeds} (the round's seeds folder, whose words help choose among the recogniser's
 * alternatives for a doubtful character: {@code WordChoice}). A page fails with {@link org.pobox.ocr.paddle.PaddleException} when the models are
 * missing or do not load, or the page fails, and with its subclass
 * {@link org.pobox.ocr.paddle.PaddleTimeoutException} when it runs out of time: the cue to send
 * the page to {@code tesseract:}.
 * <p>
 * Outside Camel, {@link org.pobox.ocr.paddle.PaddleEngine} is a plain
 * {@link org.pobox.ocr.OcrEngine} for one thread, and its {@code readPage} also gives each box
 * with its text on the caller's image, the page's turns and the share of low-confidence
 * characters.
 * <p>
 * How a page is read: once fast at 800 px; a doubtful read (many doubtful characters, a low mean
 * score, red or blue ink, a shadow across the page) is read again from a cleaned copy at 1280 px
 * ({@code PageCleaner}) and the better read kept ({@code PaddlePage.betterThan}); each page records
 * which ({@code ocr_path}). Detected regions are text by their own pixels' probability
 * ({@code DbPostProcessor}); each line's doubtful characters are then chosen by the words they make.
 * <p>
 * The DB post-processing needs only connected regions, a convex hull and a minimum-area
 * rectangle (unclipping a rectangle is growing it), about 200 lines of plain Java in
 * {@code DbPostProcessor} and {@code RotatedRect}; that was preferred to OpenCV, whose JavaCPP
 * build adds ~30 MB of native code plus OpenBLAS for three functions.
 */
package org.pobox.ocr.paddle;
