package org.pobox.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles;
import org.pobox.testdata.ScanGenerator;

/**
 * (Re)writes the demo scans in {@code seeds/samples/} that {@code bin/quickstart} processes.
 * The letters are written here by hand, not drawn at random, so that each search phrase in
 * {@code seeds/samples/README.md} finds exactly one letter. All names and places are invented.
 * Deterministic: the same files on a machine with the same fonts. Arg: output folder
 * (default seeds/samples).
 */
public final class SampleScans {

    static final String LAND_COMPENSATION = """
            尊敬的省委巡视组领导：
            我是清河镇李家村的村民，现实名反映我村村委会主任王某某的问题。二〇一八年修建高速公路征用我村集体土地一百二十亩，上级拨付的土地补偿款共计三百六十万元，村委会至今只发放了一半，剩下的补偿款去向不明。村民多次要求公开账目，村委会一直拒绝。
            恳请巡视组调查核实，还群众一个公道。
            举报人：李建国
            2020年6月3日""";

    static final String SUBSISTENCE_ALLOWANCE = """
            省委第十巡视组：
            东山乡石桥村党支部书记张某利用职务便利，把自己的弟弟、弟媳和两个不符合条件的亲戚纳入低保，每月领取低保金。村里真正困难的孤寡老人刘大娘申请了三次，始终吃不上低保。
            希望领导重视，依法依规严肃处理。
            一名群众
            2020年5月18日""";

    static final String POVERTY_FUNDS_PAGE_1 = """
            尊敬的领导：
            我们是南岭镇枫树村的村民。二〇一九年县里下拨给我村的扶贫资金八十万元，本应用于修建村道和发展养殖合作社，但村道至今没有动工，合作社也只是挂了一块牌子。
            据我们了解，这笔扶贫资金被村会计赵某挪用，借给了他亲戚开的砖厂。""";

    static final String POVERTY_FUNDS_PAGE_2 = """
            村里的账目已经三年没有公开，村民要求查账被拒绝，我们向镇里反映也没有答复。
            以上情况属实，请求上级派人调查。
            举报人：枫树村部分村民
            2020年7月9日""";

    static final String BANQUETS = """
            巡视组的领导同志们，你们好！
            西湖区城管局副局长陈某经常用公款吃喝，每周都在单位附近的酒店宴请客人，费用以会议费的名义报销。他还多次公车私用，周末开单位的车回老家。群众对这种公款吃喝的风气意见很大。
            请求巡视组为我们老百姓做主。
            一名知情人
            2020年5月27日""";

    static final String VOTE_BUYING = """
            尊敬的省委巡视组领导：
            白沙镇柳塘村换届选举时，候选人周某挨家挨户花钱拉票，每票给两百元，还请全村人吃饭。选举过程不公开不透明，唱票时不让村民代表监督。
            以上情况属实，请求上级派人调查。
            举报人：柳塘村村民
            2020年6月21日""";

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "seeds/samples"));
        ScanGenerator generator = new ScanGenerator(20200601L);
        List<String> fonts = ScanGenerator.installedFonts();
        String font = fonts.get(0);
        String second = fonts.get(Math.min(1, fonts.size() - 1));

        generator.write(ScanFiles.Format.PNG, dir.resolve("letter-1-land-compensation.png"),
                List.of(LAND_COMPENSATION), PageStyle.clean(300).withFont(font));
        generator.write(ScanFiles.Format.JPEG, dir.resolve("letter-2-subsistence-allowance.jpg"),
                List.of(SUBSISTENCE_ALLOWANCE), new PageStyle(second, 300, 13f, false, 0.6, 245));
        generator.write(ScanFiles.Format.TIFF, dir.resolve("letter-3-poverty-funds.tif"),
                List.of(POVERTY_FUNDS_PAGE_1, POVERTY_FUNDS_PAGE_2), PageStyle.clean(300).withFont(font));
        writeImagePdf(dir.resolve("letter-4-banquets.pdf"),
                generator.render(BANQUETS, new PageStyle(second, 300, 12f, false, -0.8, 250)), 300);
        // a cheap office scanner: 200 dpi, dust specks, a little skew, gray paper
        generator.write(ScanFiles.Format.PNG, dir.resolve("letter-5-vote-buying-200dpi-noisy.png"),
                List.of(VOTE_BUYING), new PageStyle(font, 200, 14f, true, 1.2, 235));
        System.out.println("demo scans written to " + dir.toAbsolutePath());
    }

    /**
     * As {@link ScanFiles#writeImagePdf} but with a fixed document id: PDFBox otherwise makes one
     * from the clock, and the committed file would change at every regeneration.
     */
    private static void writeImagePdf(Path file, BufferedImage image, int dpi) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / dpi, image.getHeight() * 72f / dpi));
            doc.addPage(page);
            PDImageXObject xobject = JPEGFactory.createFromImage(doc, image, 0.85f);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(xobject, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            COSString id = new COSString(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(file.toFile());
        }
    }

    private SampleScans() {
    }
}
