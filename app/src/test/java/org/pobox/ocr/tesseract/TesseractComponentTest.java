package org.pobox.ocr.tesseract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.letter.Headers;
import org.pobox.ocr.PageText;
import org.pobox.scan.PageDecoder;
import org.pobox.scan.ScanPages;
import org.pobox.testdata.Cer;
import org.pobox.testdata.GeneratedScan;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles;
import org.pobox.testdata.ScanGenerator;

/** The tesseract: component with real Tesseract on generated 300-dpi letter pages. */
class TesseractComponentTest {

    /** Clean printed pages measured at CER 0.020-0.025 (bench/ocr-speed.sh); the bound leaves room for other fonts. */
    private static final double MAX_CER = 0.10;

    private static final String ROUTE = """
            - route:
                id: ocr-test
                from:
                  uri: direct:ocr
                  steps:
                    - to: tesseract:read?language=chi_sim
            """;

    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        // exactly what a YAML route file does: no code registers the component
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("ocr-test.yaml", ROUTE));
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stopCamel() throws Exception {
        camel.close();
    }

    private record Letter(String phrase, String truth, BufferedImage image) {
    }

    /** Each page from its own seed, so a test's pages do not depend on which tests ran before it. */
    private static Letter letter(long seed, String phrase) {
        ScanGenerator generator = new ScanGenerator(seed);
        String truth = generator.letters().letterWith(phrase);
        return new Letter(phrase, truth, generator.render(truth, PageStyle.clean(300)));
    }

    @Test
    void readsACleanPageThroughAYamlRoute() {
        Letter letter = letter(101L, "通济街道征地补偿款");

        Exchange result = template.request("direct:ocr", e -> {
            e.getMessage().setBody(letter.image());
            e.getMessage().setHeader(Headers.LETTER_ID, "L-0001");
        });

        assertThat(result.getException()).isNull();
        PageText page = result.getMessage().getBody(PageText.class);
        assertThat(Cer.of(letter.truth(), page.text())).isLessThan(MAX_CER);
        assertThat(page.text()).contains(letter.phrase());
        assertThat(page.confidence()).isBetween(0.5, 1.0);
        assertThat(result.getMessage().getHeader(Headers.LETTER_ID)).isEqualTo("L-0001");
    }

    @Test
    void twoWorkersReadTwoPagesAtOnceAndLoadTheModelOncePerWorker() throws Exception {
        String uri = "tesseract:parallel?workers=2";
        List<Letter> letters = List.of(letter(102L, "田横镇扶贫资金"), letter(103L, "通济街道公款吃喝"),
                letter(104L, "副区长违规提拔"), letter(105L, "村委会账目不公开"));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<PageText>>> perThread = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<Letter> mine = letters.subList(t * 2, t * 2 + 2);
                perThread.add(threads.submit(() -> {
                    together.await();
                    List<PageText> read = new ArrayList<>();
                    for (Letter l : mine) {
                        read.add(template.requestBody(uri, l.image(), PageText.class));
                    }
                    return read;
                }));
            }
            List<PageText> pages = new ArrayList<>();
            for (Future<List<PageText>> f : perThread) {
                pages.addAll(f.get());
            }
            for (int i = 0; i < letters.size(); i++) {
                assertThat(Cer.of(letters.get(i).truth(), pages.get(i).text())).isLessThan(MAX_CER);
                assertThat(pages.get(i).text()).contains(letters.get(i).phrase());
            }
        } finally {
            threads.shutdown();
        }
        TesseractEnginePool pool = camel.getEndpoint(uri, TesseractEndpoint.class).pool();
        assertThat(pool.engines()).as("models loaded: one per worker, not one per page").isEqualTo(2);
        assertThat(pool.peakParallelReads()).as("pages read at the same moment").isEqualTo(2);
    }

    @Test
    void eachPageOfADecodedMultiPageTiffIsRead(@TempDir Path dir) throws Exception {
        GeneratedScan scan = new ScanGenerator(201).write(ScanFiles.Format.TIFF, dir.resolve("letter.tif"), 2, PageStyle.clean(300));
        try (ScanPages pages = new PageDecoder().open(scan.file())) {
            assertThat(pages.count()).isEqualTo(2);
            for (int i = 0; i < pages.count(); i++) {
                PageText text = template.requestBody("direct:ocr", pages.page(i), PageText.class);
                assertThat(Cer.of(scan.pageTexts().get(i), text.text())).isLessThan(MAX_CER);
            }
        }
    }

    @Test
    void aBodyThatIsNotAnImageFailsNamingThePage() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("tesseract:read", "not an image",
                Headers.PAGE_IMAGE, "scan-0042.tif page 3"))
                .isInstanceOf(CamelExecutionException.class)
                .rootCause().hasMessageContaining("scan-0042.tif page 3").hasMessageContaining("BufferedImage");
    }

    @Test
    void aPageScannedAt200DpiIsReadWithItsOwnResolution() {
        ScanGenerator generator = new ScanGenerator(202);
        String truth = generator.letters().letterWith("移风店镇低保");
        BufferedImage image = generator.render(truth, PageStyle.clean(200));
        PageText page = template.requestBodyAndHeader("direct:ocr", image, Headers.DPI, 200, PageText.class);
        assertThat(Cer.of(truth, page.text())).isLessThan(MAX_CER);
        assertThat(page.text()).contains("移风店镇低保");
    }

    @Test
    void turnedPagesAreReadUprightWithTheirBoxesOnTheScanAsGiven() throws Exception {
        TesseractEndpoint endpoint = camel.getEndpoint("tesseract:read?language=chi_sim", TesseractEndpoint.class);
        for (int quarters = 1; quarters <= 3; quarters++) {
            Letter letter = letter(110L + quarters, "信访");
            BufferedImage turned = org.pobox.testdata.Degrade.rotate(letter.image(), quarters);
            TesseractPage page = endpoint.pool().readPage(turned, 300);
            assertThat(Cer.of(letter.truth(), page.pageText().text())).as("%d quarter turns", quarters).isLessThanOrEqualTo(0.1);
            assertThat(page.lines()).isNotEmpty().allSatisfy(l -> {
                assertThat(l.right()).isLessThanOrEqualTo(turned.getWidth());
                assertThat(l.bottom()).isLessThanOrEqualTo(turned.getHeight());
            });
        }
    }

    @Test
    void aPageOverItsTimeFailsNamingThePage() throws Exception {
        // no page is recognised in a millisecond: the limit is always passed
        TesseractEndpoint endpoint = camel.getEndpoint("tesseract:hurried?workers=1&timeoutMs=1", TesseractEndpoint.class);
        endpoint.start();
        org.apache.camel.Producer producer = endpoint.createProducer();
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(letter(107L, "低保").image());
        exchange.getMessage().setHeader(Headers.PAGE_IMAGE, "scan-0008.pdf page 1");
        assertThatThrownBy(() -> producer.process(exchange)).isInstanceOf(OcrFailedException.class)
                .hasMessageContaining("scan-0008.pdf page 1").hasMessageContaining("longer than 1 ms");
        endpoint.stop();
    }

    @Test
    void aReadThatFailsNamesThePage() throws Exception {
        TesseractEndpoint endpoint = camel.getEndpoint("tesseract:stopped?workers=1", TesseractEndpoint.class);
        org.apache.camel.Producer producer = endpoint.createProducer();
        endpoint.stop();
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(letter(106L, "低保").image());
        exchange.getMessage().setHeader(Headers.PAGE_IMAGE, "scan-0007.pdf page 2");
        assertThatThrownBy(() -> producer.process(exchange)).isInstanceOf(OcrFailedException.class)
                .hasMessageStartingWith("tesseract could not read scan-0007.pdf page 2: ");
    }

    @Test
    void stoppingTheEndpointClosesItsEngines() throws Exception {
        TesseractEndpoint endpoint = camel.getEndpoint("tesseract:short-lived?workers=1", TesseractEndpoint.class);
        endpoint.start();
        PageText page = template.requestBody(endpoint, letter(107L, "低保").image(), PageText.class);
        assertThat(page.text()).contains("低保");
        TesseractEnginePool pool = endpoint.pool();
        endpoint.stop();
        assertThat(pool.isClosed()).isTrue();
        assertThatThrownBy(endpoint::pool).hasMessageContaining("not started");
    }

    @Test
    void optionsComeFromTheUri() {
        TesseractEndpoint endpoint = camel.getEndpoint("tesseract:opts?psm=3&dpi=200&workers=3&language=chi_sim",
                TesseractEndpoint.class);
        assertThat(endpoint.getConfiguration().getPsm()).isEqualTo(3);
        assertThat(endpoint.getConfiguration().getDpi()).isEqualTo(200);
        assertThat(endpoint.getConfiguration().getWorkers()).isEqualTo(3);
        assertThat(camel.getEndpoint("tesseract:defaults", TesseractEndpoint.class).getConfiguration().getWorkers())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aMissingModelIsRefusedWhenTheEndpointStarts() {
        // the context is started, so getEndpoint starts the endpoint at once
        assertThatThrownBy(() -> camel.getEndpoint("tesseract:klingon?language=tlh")).hasRootCauseMessage(
                "Tesseract model " + Tessdata.locate().resolve("tlh.traineddata") + " not found; install the language"
                        + " pack (Debian: tesseract-ocr-tlh) or set TESSDATA_PREFIX");
    }
}
