package org.pobox.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.ocr.PageText;
import org.pobox.testdata.Cer;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanGenerator;

/** {@code paddle:read} in a real Camel route, found through its META-INF/services entry. */
class PaddleComponentTest {

    @Test
    void aRouteReadsPagesWithPaddle() throws Exception {
        ScanGenerator generator = new ScanGenerator(11);
        String first = generator.letters().letter();
        String second = generator.letters().letter();
        BufferedImage page1 = generator.render(first, PageStyle.clean(200));
        BufferedImage page2 = generator.render(second, PageStyle.clean(200));

        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:page").to("paddle:read?workers=1&detLimitSide=960&recBatch=8&timeoutMs=60000");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            PageText read1 = template.requestBody("direct:page", page1, PageText.class);
            PageText read2 = template.requestBody("direct:page", page2, PageText.class);

            assertThat(Cer.of(first, read1.text())).isLessThanOrEqualTo(0.02);
            assertThat(Cer.of(second, read2.text())).isLessThanOrEqualTo(0.02);
            PaddleEndpoint endpoint = camel.getEndpoint("paddle:read?workers=1&detLimitSide=960&recBatch=8&timeoutMs=60000",
                    PaddleEndpoint.class);
            assertThat(endpoint.getConfiguration().getRecBatch()).isEqualTo(8);
            assertThat(endpoint.pool().engines()).as("models loaded once for one worker").isEqualTo(1);
        }
    }

    @Test
    void missingModelsAndSlowPagesFailWithExceptionsARouteCanFallBackOn(@TempDir Path empty) throws Exception {
        BufferedImage page = new ScanGenerator(12).render("巡视组的领导同志们，你们好！", PageStyle.clean(200));
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:noModels").to("paddle:read?workers=1&modelDir=" + empty);
                    // no page is read in a millisecond: the limit is always passed
                    from("direct:slow").to("paddle:read?workers=1&timeoutMs=1");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            assertThatThrownBy(() -> template.requestBody("direct:noModels", page))
                    .isInstanceOf(CamelExecutionException.class)
                    .cause().isInstanceOf(PaddleException.class).hasMessageContaining("model missing");
            assertThatThrownBy(() -> template.requestBody("direct:slow", page))
                    .isInstanceOf(CamelExecutionException.class)
                    .cause().isInstanceOf(PaddleTimeoutException.class);
        }
    }

    /** Missing models are looked for once, not again on every page: each page fails at once for the fallback. */
    @Test
    void missingModelsAreTriedOnceNotOncePerPage(@TempDir Path empty) throws Exception {
        BufferedImage page = new ScanGenerator(13).render("巡视组的领导同志们，你们好！", PageStyle.clean(200));
        AtomicInteger loads = new AtomicInteger();
        try (PaddleEnginePool pool = new PaddleEnginePool(2, () -> {
            loads.incrementAndGet();
            return new PaddleEngine(empty, PaddleEngine.DEFAULT_DET_LIMIT_SIDE, PaddleEngine.DEFAULT_REC_BATCH);
        })) {
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> pool.read(page, 0)).isInstanceOf(PaddleException.class)
                        .hasMessageContaining("model missing");
            }
            assertThat(pool.engines()).isZero();
        }
        assertThat(loads.get()).isEqualTo(1);
    }
}
