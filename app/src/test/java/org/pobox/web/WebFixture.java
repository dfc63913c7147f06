package org.pobox.web;

import co.elastic.clients.elasticsearch._types.Refresh;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.pobox.auth.Accounts;
import org.pobox.auth.Role;
import org.pobox.auth.UserStore;
import org.pobox.config.PoboxConfig;
import org.pobox.index.LetterIndex;
import org.pobox.node.EngineClient;
import org.pobox.support.TestEngine;

/**
 * Letters with issue 3's fields (reporter identity, sealed, duplicates...) written straight into a
 * fresh index of the shared test node, their page images in an archive folder, and one user per
 * role. Identity values are made up for the tests.
 */
final class WebFixture {

    static final String PASSWORD = "correct horse battery";

    static final String REPORTER_NAME = "王秀英";
    static final String REPORTER_PHONE = "13912345678";
    static final String REPORTER_ID = "370282198001011234";
    static final String REPORTER_ADDRESS = "通济街道王家村十二号";
    static final String SEALED_NAME = "李建国";
    static final String SEALED_PHONE = "13800001111";
    static final String SEALED_TEXT = "区委常委违规提拔亲属";

    static final String SIGNED = "a1".repeat(32);
    static final String SEALED = "b2".repeat(32);
    static final String REPEAT = "c3".repeat(32);
    static final String DINING = "d4".repeat(32);

    final EngineClient engine = TestEngine.client();
    final String alias;
    final Path dir;
    final PoboxConfig config;
    final Accounts accounts;

    WebFixture(String name, Path dir) throws IOException {
        this.alias = name + "-" + System.nanoTime();
        this.dir = dir;
        Properties sys = new Properties();
        sys.setProperty("pobox.home", System.getProperty("pobox.home", ".."));
        sys.setProperty("pobox.inbox", dir.resolve("inbox").toString());
        sys.setProperty("pobox.archive", dir.resolve("archive").toString());
        sys.setProperty("pobox.failed", dir.resolve("failed").toString());
        sys.setProperty("pobox.index.alias", alias);
        sys.setProperty("pobox.es.url", engine.url());
        sys.setProperty("pobox.web.host", "127.0.0.1");
        sys.setProperty("pobox.web.port", String.valueOf(TestEngine.freePort()));
        this.config = PoboxConfig.load(Map.of(), sys);
        Files.createDirectories(config.archive());
        new LetterIndex(engine, alias, 1).ensureExists();
        writeLetters();
        this.accounts = new Accounts(new UserStore(engine, alias));
        accounts.add("inv", EnumSet.of(Role.INVESTIGATOR), PASSWORD.toCharArray());
        accounts.add("lead", EnumSet.of(Role.LEAD), PASSWORD.toCharArray());
        accounts.add("admin", EnumSet.of(Role.ADMIN), PASSWORD.toCharArray());
        accounts.add("mail", EnumSet.of(Role.MAILROOM), PASSWORD.toCharArray());
    }

    private void writeLetters() throws IOException {
        // as the pipeline indexes it: the writer's name and numbers masked in the text and in each line,
        // the scan as written; the address is one the mask missed (the reader blanks it by value)
        List<String[]> signedLines = List.of(
                new String[] {"尊敬的巡视组领导：我村征地拆迁补偿款被村支部书记张某截留，", null},
                new String[] {"至今未发放到户。请求调查处理。", null},
                new String[] {"举报人：" + REPORTER_NAME + " 电话：" + REPORTER_PHONE, "举报人：[举报人] 电话：[电话]"},
                new String[] {"身份证号：" + REPORTER_ID, "身份证号：[身份证号]"},
                new String[] {"住址：" + REPORTER_ADDRESS, null});
        String signedText = String.join("\n", signedLines.stream().map(l -> l[1] == null ? l[0] : l[1]).toList());
        Map<String, Object> signed = letter(SIGNED, "JM-2020-0001", "2020-06-03T09:00:00Z", signedText, 0.93,
                "侵害群众利益", List.of("侵害群众利益", "贪污贿赂"), "群众纪律", "通济", "村级", true, true, false, false, "1");
        signed.put("reporter", Map.of("name", REPORTER_NAME, "phone", REPORTER_PHONE, "id_number", REPORTER_ID,
                "address", REPORTER_ADDRESS));
        signed.put("letter_date", "2020-05-28");
        signed.put("postmark_date", "2020-05-30");
        signed.put("targets", List.of(Map.of("name", "张某", "post", "村支部书记", "unit", "王家村", "level", "村级")));
        signed.put("explain", List.of(Map.of("field", "subject", "value", "侵害群众利益", "method", "rules", "score", 0.9,
                "evidence", List.of(Map.of("text", "补偿款", "start", 12, "end", 15, "note", "关键词")))));
        pageWithLines(signed, "signed.png", signedLines, 0.93);

        String sealedText = "反映" + SEALED_TEXT + "的问题，情节严重。举报人：" + SEALED_NAME + " 电话：" + SEALED_PHONE;
        Map<String, Object> sealed = letter(SEALED, "JM-2020-0002", "2020-06-10T09:00:00Z", sealedText, 0.9,
                "选人用人", List.of("选人用人"), "组织纪律", "区直部门", "区管干部", true, true, false, false, "3");
        sealed.put("sealed", true);
        sealed.put("reporter", Map.of("name", SEALED_NAME, "phone", SEALED_PHONE));
        page(sealed, "sealed.png", sealedText);

        String repeatText = "再次反映王家村征地拆迁补偿款被截留的问题，村里至今没有公开账目。";
        Map<String, Object> repeat = letter(REPEAT, "JM-2020-0003", "2020-07-28T09:00:00Z", repeatText, 0.42,
                "侵害群众利益", List.of("侵害群众利益"), "群众纪律", "通济", "村级", true, false, true, true, "6");
        repeat.put("review_reasons", List.of("low_confidence", "traditional_script"));
        // the OCR's line boxes (issue 6's per-page lines, PaddleOCR corner lists) mark hits on the scan
        repeat.put("pages", List.of(Map.of("number", 1, "text", repeatText, "confidence", 0.42, "engine", "paddle",
                "lines", List.of(Map.of("text", repeatText.substring(0, 30), "xs", List.of(80, 2400, 2400, 80),
                        "ys", List.of(80, 80, 190, 190)), Map.of("text", repeatText.substring(30), "xs", List.of(80, 1200, 1200, 80),
                        "ys", List.of(192, 192, 300, 300))))));
        repeat.put("explain", List.of(Map.of("field", "region", "value", "通济", "method", "gazetteer", "score", 0.8,
                "evidence", List.of(Map.of("text", "王家村", "start", 4, "end", 7, "note", "村名")))));
        repeat.put("duplicate_of", SIGNED);
        repeat.put("repeat_count", 1);
        page(repeat, "repeat.png", repeatText, 2); // a 300-dpi-wide scan: the server sends it scaled down

        String diningText = "潮海街道干部多次在酒店公款吃喝，用公车接送，影响恶劣。";
        Map<String, Object> dining = letter(DINING, "JM-2020-0004", "2020-07-02T09:00:00Z", diningText, 0.88,
                "违反中央八项规定精神", List.of("违反中央八项规定精神"), "廉洁纪律", "潮海", "科级", true, false, false, false, "2");
        page(dining, "dining.png", diningText);

        for (Map<String, Object> doc : List.of(signed, sealed, repeat, dining)) {
            if (doc.get("reporter") instanceof Map<?, ?> reporter) {
                // as pobox stores it: sealed with the installation's key
                doc.put("reporter", org.pobox.index.ReporterField.sealed(reporter, (String) doc.get("id"),
                        engine.keys().reporters()));
            }
            engine.client().index(i -> i.index(alias).id((String) doc.get("id")).document(doc).refresh(Refresh.True));
        }
    }

    private static Map<String, Object> letter(String id, String regNo, String received, String text, double conf,
                                              String subject, List<String> subjects, String discipline, String region,
                                              String level, boolean inScope, boolean signed, boolean late,
                                              boolean needsReview, String box) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("registration_no", regNo);
        d.put("file_names", List.of(regNo + ".png"));
        d.put("received_at", received);
        d.put("text", text);
        d.put("pages", List.of(Map.of("number", 1, "text", text, "confidence", conf)));
        d.put("page_count", 1);
        d.put("ocr_confidence", conf);
        d.put("subject", subject);
        d.put("subjects", subjects);
        d.put("discipline", discipline);
        d.put("region", region);
        d.put("target_level", level);
        d.put("in_scope", inScope);
        d.put("signed", signed);
        d.put("late", late);
        d.put("needs_review", needsReview);
        d.put("box", box);
        d.put("sealed", false);
        return d;
    }

    static final String ENVELOPE = "e5".repeat(32);
    static final String ENVELOPE_SENDER = "寄件人：即墨区通济街道王家村 王秀英";
    static final String ENVELOPE_RECIPIENT = "即墨区1001信箱 收";

    /**
     * A letter of two pages: an envelope (recipient and sender, as OCR boxes), then a page whose
     * text was masked but whose OCR gave no line boxes. Not in the fixture's letters: only the
     * security suite adds it.
     */
    @SuppressWarnings("unchecked")
    void addEnvelopeLetter() throws IOException {
        String bodyText = "反映通济街道拆迁补偿款问题，联系电话：[电话]";
        Map<String, Object> doc = letter(ENVELOPE, "JM-2020-0005", "2020-06-20T09:00:00Z", bodyText, 0.9,
                "侵害群众利益", List.of("侵害群众利益"), "群众纪律", "通济", "村级", true, true, false, false, "1");
        doc.put("reporter", Map.of("name", REPORTER_NAME, "phone", REPORTER_PHONE));
        Map<String, Object> scratch = new LinkedHashMap<>();
        scratch.put("text", ENVELOPE_RECIPIENT + "\n" + ENVELOPE_SENDER);
        pageWithLines(scratch, "envelope.png", List.of(new String[] {ENVELOPE_RECIPIENT, null},
                new String[] {ENVELOPE_SENDER, null}), 0.9);
        Map<String, Object> envelope = new LinkedHashMap<>(((List<Map<String, Object>>) scratch.get("pages")).get(0));
        envelope.put("envelope", true);
        // page 2: the same scan file holds one page only, so the archive gets a two-page TIFF
        BufferedImage first = ImageIO.read(config.archive().resolve("envelope.png").toFile());
        BufferedImage second = new BufferedImage(1240, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = second.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1240, 400);
        g.setColor(Color.BLACK);
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 36));
        g.drawString("反映通济街道拆迁补偿款问题，联系电话：" + REPORTER_PHONE, 40, 100);
        g.dispose();
        Path tiff = config.archive().resolve("envelope.tif");
        try (var out = ImageIO.createImageOutputStream(tiff.toFile())) {
            var writer = ImageIO.getImageWritersByFormatName("tiff").next();
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new javax.imageio.IIOImage(first, null, null), null);
            writer.writeToSequence(new javax.imageio.IIOImage(second, null, null), null);
            writer.endWriteSequence();
        }
        doc.put("archive_name", "envelope.tif");
        doc.put("page_count", 2);
        doc.put("pages", List.of(envelope, Map.of("number", 2, "text", bodyText, "confidence", 0.9, "engine", "tesseract")));
        engine.client().index(i -> i.index(alias).id(ENVELOPE).document(doc).refresh(Refresh.True));
    }

    /** Where {@link #pageWithLines} draws line {@code i} (0-based): its box in the scan's pixels. */
    static java.awt.Rectangle lineBox(int i, String text) {
        return new java.awt.Rectangle(30, 40 + 70 * i, 40 + 40 * text.length(), 56);
    }

    /**
     * A one-page letter whose scan holds {@code lines} (original text, and the text as indexed when
     * the mask changed it), each with its line box the way the OCR stores them.
     */
    void pageWithLines(Map<String, Object> doc, String archiveName, List<String[]> lines, double conf) throws IOException {
        BufferedImage img = new BufferedImage(1240, 80 + 70 * lines.size(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 36));
        List<Map<String, Object>> stored = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String original = lines.get(i)[0];
            java.awt.Rectangle box = lineBox(i, original);
            g.drawString(original, box.x + 10, box.y + 44);
            stored.add(Map.of("text", lines.get(i)[1] == null ? original : lines.get(i)[1], "score", conf,
                    "xs", List.of(box.x, box.x + box.width, box.x + box.width, box.x),
                    "ys", List.of(box.y, box.y, box.y + box.height, box.y + box.height)));
        }
        g.dispose();
        ImageIO.write(img, "png", config.archive().resolve(archiveName).toFile());
        doc.put("archive_name", archiveName);
        doc.put("pages", List.of(Map.of("number", 1, "text", doc.get("text"), "confidence", conf, "engine", "paddle",
                "lines", stored)));
    }

    /** A page image of the letter in the archive, the way the intake leaves it. */
    private void page(Map<String, Object> doc, String archiveName, String text) throws IOException {
        page(doc, archiveName, text, 1);
    }

    private void page(Map<String, Object> doc, String archiveName, String text, int scale) throws IOException {
        BufferedImage img = new BufferedImage(1240 * scale, 600 * scale, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 36 * scale));
        int y = 80 * scale;
        for (int i = 0; i < text.length(); i += 30) {
            g.drawString(text.substring(i, Math.min(text.length(), i + 30)), 40 * scale, y);
            y += 56 * scale;
        }
        g.dispose();
        ImageIO.write(img, "png", config.archive().resolve(archiveName).toFile());
        doc.put("archive_name", archiveName);
    }
}
