/**
 * The {@code tesseract:} Camel component: Tesseract in-process through bytedeco's JavaCPP
 * binding (no system libtesseract; the models come from Debian's {@code tesseract-ocr-chi-sim}).
 *
 * <pre>
 * # routes/ocr.yaml
 * - to: tesseract:read?language=chi_sim&amp;workers=2    # body: BufferedImage in, PageText out
 * </pre>
 *
 * Options: {@code language} (chi_sim), {@code psm} (6: one block of text; measured better and
 * faster than 3 on letter pages, see bench/ocr-speed.sh), {@code dpi} (300; header
 * {@code PoboxDpi} overrides it per page), {@code workers} (available processors),
 * {@code datapath} ($TESSDATA_PREFIX, else /usr/share/tesseract-ocr/5/tessdata).
 * Header {@code PoboxPage} names the page in error messages.
 * <p>
 * {@code OMP_THREAD_LIMIT=1}: Debian's libtesseract (the CLI) runs several times slower without
 * it; bytedeco's build used here measured the same with and without it (0.41 vs 0.42 CPU s/page),
 * so launchers set it anyway, for the CLI and in case the native build changes. Outside Camel, {@link org.pobox.ocr.tesseract.TesseractEngine} is a
 * plain {@link org.pobox.ocr.OcrEngine} for one thread.
 */
package org.pobox.ocr.tesseract;
