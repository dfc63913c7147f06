package org.pobox.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pobox.ocr.PageText;
import org.pobox.testdata.Cer;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanGenerator;

class PaddleEngineTest {

    private static PaddleEngine engine;

    @BeforeAll
    static void loadModels() {
        engine = new PaddleEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void readsACleanChinesePage() {
        ScanGenerator generator = new ScanGenerator(1);
        String truth = generator.letters().letterWith("即墨区田横镇王家庄村");
        BufferedImage page = generator.render(truth, PageStyle.clean(300));
        long t0 = System.nanoTime();
        PageText read = engine.read(page);
        System.out.println("ms " + (System.nanoTime() - t0) / 1e6 + " conf " + read.confidence());
        System.out.println(truth);
        System.out.println("----");
        System.out.println(read.text());
        System.out.println("CER " + Cer.of(truth, read.text()));
    }
}
