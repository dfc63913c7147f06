package org.pobox.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible complaint letters to the inspection team, made from sentence templates with slots
 * (places in Jimo district, posts, people, amounts, topics). Deterministic for a seed. Names are
 * drawn at random from common surnames and given-name characters: they are nobody in particular.
 */
public final class LetterTexts {

    private static final String[] TOWNS = {
        "通济街道", "蓝村街道", "田横镇", "环秀街道", "潮海街道", "北安街道", "龙山街道", "龙泉街道",
        "鳌山卫街道", "温泉街道", "金口镇", "段泊岚镇", "移风店镇", "灵山街道", "大信街道"};
    private static final String[] VILLAGES = {
        "南阡村", "北阡村", "东障村", "西城村", "后戈庄村", "前垛埠村", "小桥村", "石门村", "王家庄村",
        "刘家疃村", "大官庄村", "河南村", "孙家屯村", "马山村"};
    private static final String[] POSTS = {
        "村支书", "村主任", "村委会会计", "副区长", "镇党委书记", "街道党工委书记", "镇长", "街道办事处主任",
        "区民政局局长", "区住建局副局长", "国土所所长"};
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "于"};
    private static final String[] GIVEN = {
        "建国", "志强", "秀英", "桂兰", "国华", "海涛", "立新", "明", "伟", "军", "玉珍", "洪波", "德胜", "春梅", "永利"};
    private static final String[] BUILDINGS = {"办公楼", "养殖场", "文化广场", "道路", "厂房", "安置房"};

    private static final String[] OPENINGS = {
        "尊敬的省委巡视组领导：",
        "省委第十巡视组：",
        "巡视组的领导同志们，你们好！",
        "尊敬的领导："};
    private static final String[] BODY = {
        "我是{town}{village}的村民，现实名反映我村{post}{name}的问题。",
        "{village}{post}{name}在征地拆迁中虚报面积，侵占群众补偿款{amount}元。",
        "{year}年村里发放的土地补偿款，至今还有{amount}元没有发到村民手中。",
        "{post}{name}利用职务便利，把不符合条件的亲属纳入低保，真正困难的群众却吃不上低保。",
        "上级拨付的扶贫资金{amount}元被{name}挪作他用，账目一直不公开。",
        "{town}{post}{name}经常用公款吃喝，还多次公车私用，群众意见很大。",
        "村委会换届时{name}花钱拉票，选举过程不公开不透明。",
        "{village}的集体土地被私自租给外村老板建{building}，租金去向不明。",
        "我们多次向{town}反映，至今没有人答复，问题一直没有解决。",
        "{name}的儿子结婚大操大办，摆了{tables}桌酒席，收受礼金。",
        "{year}年修建村{building}的工程没有招标，直接包给了{post}的亲戚。",
        "村里的账目已经{years}年没有公开，村民要求查账被拒绝。"};
    private static final String[] CLOSINGS = {
        "恳请巡视组调查核实，还群众一个公道。",
        "希望领导重视，依法依规严肃处理。",
        "以上情况属实，请求上级派人调查。",
        "请求巡视组为我们老百姓做主。"};

    private final Random random;

    public LetterTexts(long seed) {
        this.random = new Random(seed);
    }

    /** A letter of 2-6 body sentences between an opening and a closing line. */
    public String letter() {
        return letterWith(null);
    }

    /** A letter that contains {@code phrase} verbatim (in a sentence of its own), so a test can search for it. */
    public String letterWith(String phrase) {
        List<String> lines = new ArrayList<>();
        lines.add(pick(OPENINGS));
        int sentences = 2 + random.nextInt(5);
        StringBuilder body = new StringBuilder();
        int plantAt = phrase == null ? -1 : random.nextInt(sentences);
        for (int i = 0; i < sentences; i++) {
            if (i == plantAt) {
                body.append("特别是").append(phrase).append("的问题，群众反映强烈。");
            }
            body.append(fill(pick(BODY)));
        }
        lines.add(body.toString());
        lines.add(pick(CLOSINGS));
        lines.add(random.nextInt(3) == 0 ? "一名群众" : "举报人：" + name());
        lines.add("2020年" + (5 + random.nextInt(3)) + "月" + (1 + random.nextInt(28)) + "日");
        return String.join("\n", lines);
    }

    private String fill(String template) {
        return template
                .replace("{town}", pick(TOWNS))
                .replace("{village}", pick(VILLAGES))
                .replace("{post}", pick(POSTS))
                .replace("{name}", name())
                .replace("{amount}", String.valueOf((1 + random.nextInt(90)) * 1000))
                .replace("{year}", String.valueOf(2015 + random.nextInt(5)))
                .replace("{years}", String.valueOf(2 + random.nextInt(6)))
                .replace("{tables}", String.valueOf(20 + random.nextInt(60)))
                .replace("{building}", pick(BUILDINGS));
    }

    private String name() {
        return pick(SURNAMES) + pick(GIVEN);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
