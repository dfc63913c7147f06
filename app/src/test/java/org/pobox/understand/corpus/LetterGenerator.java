package org.pobox.understand.corpus;

import com.hankcs.hanlp.HanLP;
import org.pobox.understand.identity.IdNumbers;
import org.pobox.understand.region.RegionsFile;
import org.pobox.understand.region.Village;
import org.pobox.understand.round.Round;
import org.pobox.understand.round.Seeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes letters to the inspection team from templates, with their true labels. The hard cases
 * of issue 3 are drawn on purpose: the writer's town differs from the problem's; two subjects,
 * one dominant; only a village named; colloquial or traditional-character phrasing; re-sent
 * copies with small edits and another page order; signed with phone/ID/address or anonymous;
 * late postmarks; envelopes.
 */
public final class LetterGenerator {
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "建国伟明华军平刚强丽敏静秀英芳玲红霞志勇磊洋涛斌鹏飞波辉宁凯峰浩杰亮春林海燕桂兰玉梅德福成立新国庆文胜利俊祥瑞";
    private static final String[] DEPARTMENTS = {"区自然资源局", "区住建局", "区民政局", "区财政局", "区人社局", "区农业农村局",
            "区城管局", "区教体局", "区卫健局", "区市场监管局", "区交通运输局", "区水务局"};
    private static final String[] OUTSIDE = {"城阳区", "胶州市", "莱西市", "平度市", "崂山区", "黄岛区"};
    private static final String[] MOBILE_PREFIX = {"138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "182", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "189", "177", "199"};

    /**
     * Category → sentences. {N}: the reported person as written; {P}: the place; {M}: an amount;
     * {a|b|c}: one of the alternatives, so that two writers never use quite the same words.
     */
    static final Map<String, List<String>> SENTENCES = Map.of(
            "贪污贿赂", List.of(
                    "{N}{利用职务便利|借着手里的权力|仗着自己是领导}，{收受|收了|多次收受}{工程老板|包工头|开发商|企业老板}{好处费|贿赂|现金}{M}万元。",
                    "{N}在{P}{旧村改造|道路硬化|自来水改造|学校翻建}工程中插手工程承包，{与包工头搞权钱交易|跟老板搞利益输送}，{吃回扣|拿回扣}。",
                    "{N}{伙同会计|和出纳一起|串通几个人}私分集体资金，挪用公款{M}万元{用于个人炒股|给儿子买房|放高利贷}。",
                    "{N}{索要好处|索贿|伸手要钱}，{不给钱就不办事|不送钱就卡着不批|给少了都不行}，{群众敢怒不敢言|大家都很气愤}。",
                    "{去年|前年|{Y}年}{P}{修路|建桥|打井|修水渠}的工程款被{N}截留了{一部分|{M}多万}，至今说不清去向。",
                    "{N}通过虚报冒领的方式{套取资金|骗取国家补贴|套取专项资金}{M}余万元，中饱私囊。",
                    "{N}给人办事都要拿钱，{少了还不行|没有钱免谈}，{这几年家里盖了好几栋楼|家里买了好几套房子|开的车一辆比一辆好}。",
                    "谁想{包|干|接}{P}的{活儿|工程|项目}都得先给{N}{塞钱|送钱|上供}，不{塞钱|送钱}门都没有。",
                    "{P}{卖地|出租厂房|卖树}的钱{到了|进了}{N}的{口袋|腰包}，账上{一笔也查不到|只记了一小半}。",
                    "{N}{让|叫}{老板|施工队}{虚开发票|多报工程量}，{从中|私下}拿了{M}万{好处|辛苦费}。"),
            "滥用职权失职渎职", List.of(
                    "{N}滥用职权，{违规审批|私自审批|不经研究就审批}，把{指标|项目|名额}批给自己的{亲戚|朋友|同学}。",
                    "{N}对{P}的{违法建设|非法采砂|违法排污}{不管不问|视而不见}，放任不管，{造成严重后果|损失很大}。",
                    "{N}在{安全生产检查|食品安全检查|消防检查}中玩忽职守，监管不力，{导致事故发生|出了大事}。",
                    "{群众多次反映的问题|我们反映了{M}次的问题}，{N}推诿扯皮，{就是不作为|一直拖着不办}。",
                    "{N}独断专行，一手遮天，{重大事项从不上会研究|大小事一个人说了算}。",
                    "找{N}办事，{一拖就是大半年|拖了{M}个月}，{问就说等通知|每次都说再研究}。",
                    "{N}拍拍胸脯说了算，{谁的意见都不听|班子成员都不敢吭声}，出了事就往下推。",
                    "{群众|我们}{找了|去了}{M}趟，{N}{一会儿说归别的科管|总说领导不在}，{事情就这么放着|谁也不给个准话}。",
                    "{N}{不经过集体研究|背着班子}就把{P}的{地|厂房|项目}{批给了|交给了}{熟人|亲戚}，{出了问题谁也不担责|别人提意见就被整}。"),
            "违反中央八项规定精神", List.of(
                    "{N}{经常|长期|多次}公车私用，{周末|节假日|下班后}开着公车{带家人外出游玩|回老家|去钓鱼}。",
                    "{N}在{P}附近的{高档酒店|私人会所|农家乐}公款宴请，{每次都喝茅台|一桌花好几千|一吃就是半夜}。",
                    "{N}{逢年过节|每到春节中秋}收受{下属|企业老板|商人}送的{购物卡和红包|礼金和礼品|红包}。",
                    "{N}给{儿子|女儿|自己}操办{婚礼|升学宴|生日宴}大操大办，摆了{几十|{M}}桌，借机敛财。",
                    "{N}违规发放津贴，{还组织公款旅游|还带着人公款旅游|年底又滥发奖金}。",
                    "{N}家里办喜事，{P}的干部都去随份子，{吃了一整天|门口停满了车}。",
                    "{下班以后|每天早上}单位的车就停在{N}家楼下，{天天接送孩子上学|专门给他家里人用}。",
                    "{N}{隔三差五|一到周末}就{带着|叫上}{几个人|一帮朋友}{吃饭喝酒|下馆子}，{票据|发票}都拿回{单位|村里}{报了|走账}。"),
            "形式主义官僚主义", List.of(
                    "{N}搞形式主义，为了应付检查，要求{下面|村里|各科室}{连夜填表造假|突击补材料|编造会议记录}。",
                    "{P}的工作数字造假，做表面文章，{材料一摞一摞，实事一件不办|墙上写得漂亮，实际上啥也没干}。",
                    "{N}高高在上，脱离群众，群众去办事{门难进、脸难看、事难办|连人都见不着}。",
                    "{N}拍脑袋决策，花{几百万|{M}百万}搞{面子工程|形象工程}，{建成后一直闲置|现在已经荒废了}。",
                    "{N}整天开会发文，文山会海，{基层干部疲于应付|干部们天天忙着留痕}。",
                    "上面来人{看的时候|检查的时候}摆摆样子，人一走{N}就什么都不干了。",
                    "{N}只管{拍照片发朋友圈|搞宣传报道}，老百姓的难处一点不问。",
                    "{上头|上级}{要数据|来考核}，{N}就{让下面编|叫人连夜补}，{报上去的都是假的|本子写得比谁都好看}。"),
            "选人用人", List.of(
                    "{N}任人唯亲，把自己的{亲戚|外甥|小舅子|老同学}违规提拔为{中层干部|科室负责人}。",
                    "{N}买官卖官，{花钱买官的人都当上了领导|一个位置明码标价{M}万}。",
                    "{P}有人跑官要官，{N}收了钱就给{安排岗位|调整职务|安排进编制}。",
                    "{N}违规进人，安排{多名|{M}名}亲属吃空饷。",
                    "{N}在干部选拔中{搞拉票|打招呼|暗箱操作}，带病提拔的干部不止一个。",
                    "想{当个小领导|进机关}得先给{N}送钱，{价钱大家心里都有数|没钱的再能干也没用}。",
                    "{N}的{小舅子|侄子|外甥}{没干两年|刚来一年}就当上了领导，{谁都不服气|群众议论纷纷}。"),
            "涉黑涉恶保护伞", List.of(
                    "{N}充当黑恶势力保护伞，{村霸|恶势力}在{P}横行{多年|{M}年}无人敢管。",
                    "{P}的涉黑团伙欺行霸市，强买强卖，{N}{给他们通风报信|收了他们的钱}。",
                    "有人在{P}{打砸群众的店铺|殴打村民|强占土地}，{N}包庇纵容。",
                    "{N}和当地的黑社会称兄道弟，群众被恐吓威胁{也没人管|报警都没用}。",
                    "那帮人在{P}横着走，谁家不交钱就{砸谁家的门|断谁家的水}，背后有{N}撑腰。",
                    "{P}的{砂石生意|菜市场|运输线路}被一伙人霸占，{外人插不进手|价格他们说了算}，{N}{从中分红|是他们的靠山}。",
                    "{去年|前些年}有人{在{P}开赌场|在{P}放高利贷}，{N}{事先通风报信|一直装不知道}。",
                    "{群众|受害人}{报了几次警|多次举报}，{那伙人|团伙}{照样横行|至今逍遥法外}，都说{N}{收了好处|是他们的后台}。"),
            "侵害群众利益", List.of(
                    "{P}的{征地补偿款|拆迁补偿款|青苗补偿}被{N}克扣，{群众至今没有拿到|每户少了好几万}。",
                    "{N}优亲厚友，把低保给了自己的{亲戚|家里人|关系户}，真正的困难户却吃不上低保。",
                    "{N}截留扶贫资金，{贫困户应得的钱被层层克扣|贫困户一分钱没见到}。",
                    "{P}{拆迁安置房|安置房}分配不公，{N}说给谁就给谁。",
                    "{N}私自把集体土地流转给{外地老板|自己的亲戚}，村务不公开，账目不公开。",
                    "{我们家的地|我们村的地}被占了{三年|{M}个月}了，钱一分没见着，找{N}就说上面没拨下来。",
                    "{上面发的|国家给的}{养老钱|补助|补贴}到了{P}就{少了一截|缩水了}，{老人们|困难户}{敢怒不敢言|只能认了}，{N}说是{手续费|管理费}。",
                    "{N}{向每户|挨家挨户}{收了|摊派了}{M}百块的{修路钱|自来水钱|卫生费}，{收据都不给|到现在也没个说法}。"),
            "生活作风", List.of(
                    "{N}生活作风败坏，与{多名女性|单位女同事|一名有夫之妇}保持不正当关系。",
                    "{N}在外包养情人，{还生了私生子|还给她买了房子}。",
                    "{N}经常出入娱乐场所，赌博输了{几十万元|{M}万元}。",
                    "{N}长期酗酒，{酒后闹事|酒后打人}，影响恶劣。",
                    "{N}跟{单位里一个女的|一个女老板}好了好几年，大家都知道，就是没人敢说。",
                    "{N}{常年|经常}{夜不归宿|在外面过夜}，{和妻子闹离婚|家里吵得鸡犬不宁}，{影响很坏|群众议论纷纷}。",
                    "{N}在{P}{给情人安排了工作|给情妇开了店}，{还用公款给她买车|钱都是从单位走的账}。",
                    "{有人看见|大家都看见}{N}{周末|晚上}出入{洗浴中心|KTV}，{一玩就是一宿|身边总换人}。"),
            "涉法涉诉", List.of(
                    "我的{案子|官司|纠纷}法院判决不公，申请再审{一直没有回音|被驳回了}。",
                    "{P}派出所对我的报警不予立案，办案民警{明显偏袒对方|收了对方的好处}。",
                    "法院的执行款拖了{三年|{M}个月}还没有执行到位，{N}说等着吧。",
                    "我对{一审|二审}判决不服，多次申诉，错案至今没有纠正。",
                    "对方打官司找了关系，{审判明显司法不公|法官枉法裁判}。",
                    "官司打了{五年|{M}年}，{钱花光了|家都散了}，说理的地方都没有。",
                    "{我|我们家}{被人打伤|的房子被强占}，{派出所|公安}{迟迟不立案|一直说证据不足}，{N}还让我们私了。",
                    "{一审|法院}{判我们胜诉|判了}，{可是|但是}{执行款|赔偿款}{一直拿不到|被拖着不给}，找{N}也没用。"),
            "其他", List.of(
                    "{P}的小区物业乱收费，{冬天供暖不热|电梯坏了没人修}。",
                    "{P}{自来水|饮用水}{发黄发臭|经常断供}，{反映了多次|打了很多次电话}{没人解决|都说在协调}。",
                    "{P}的{小学|幼儿园}{离得太远|学位不够}，孩子上学{要走好几里路|只能去外地}，{N}{说没办法|也不过问}。",
                    "{P}{路灯|下水道}{坏了好几年|一直堵着}，{晚上出门很危险|一下雨就淹}，{N}{推说没钱|一直不管}。",
                    "{P}附近的{工厂|养殖场|搅拌站}环境污染严重，夜里噪音吵得睡不着。",
                    "{P}的道路破损{多年|{M}年}没人修，下雨天积水没过膝盖。",
                    "{P}垃圾成堆没人清运，还经常停水停电。",
                    "我们那片儿的路坑坑洼洼，孩子上学天天摔跤，{N}也不管。"));
    /** Sentences any letter may carry: the particulars that make one matter differ from another. */
    static final List<String> DETAILS = List.of(
            "这件事{发生在|是从}{Y}年{MO}月{开始的|前后}。",
            "当时有{K}个人在场，都可以作证。",
            "{N}的{弟弟|妻子|连襟|表哥}在{P}开了一家{建材店|公司|饭店|砖厂}。",
            "我们{K}户人家{联名|一起}写信，{已经去了|先后跑了}{K}趟{街道|镇上|区里}。",
            "相关的{收据|照片|录音|账本复印件}我都留着，可以提供。",
            "{Y}年{MO}月{N}还在会上{表过态|拍过胸脯}，后来一直没有兑现。");
    static final List<String> CATEGORIES = List.of("贪污贿赂", "滥用职权失职渎职", "违反中央八项规定精神", "形式主义官僚主义",
            "选人用人", "涉黑涉恶保护伞", "侵害群众利益", "生活作风", "涉法涉诉", "其他");

    private final Random random;
    private final Round round;
    private final List<RegionsFile.Region> towns;
    private final List<Village> villages;
    private int next = 1;
    private int templateHalf = -1;

    /** Only sentences with index parity {@code half} (0 or 1): to test on wording the model never saw. */
    public LetterGenerator onlyTemplateHalf(int half) {
        this.templateHalf = half;
        return this;
    }

    public LetterGenerator(Seeds seeds, long seed) {
        this.random = new Random(seed);
        this.round = seeds.round();
        this.towns = seeds.regions().regions().stream().filter(r -> r.shortName() != null).toList();
        this.villages = seeds.villages().stream()
                .filter(v -> towns.stream().anyMatch(t -> t.name().equals(v.town()))).toList();
    }

    /** {@code count} letters, about 15% of them re-sent copies of earlier ones. */
    public List<GeneratedLetter> generate(int count) {
        List<GeneratedLetter> out = new ArrayList<>(count);
        while (out.size() < count) {
            if (out.size() > 10 && random.nextDouble() < 0.15) {
                GeneratedLetter original = out.get(random.nextInt(out.size()));
                String root = original.duplicateOf() != null ? original.duplicateOf() : original.id();
                out.add(resend(original, root));
            } else {
                out.add(letter());
            }
        }
        return out;
    }

    private record Who(String ref, String shortRef, String level, boolean village, String region, String place,
                       String unitPlace) {}

    public GeneratedLetter letter() {
        String id = round.code() + String.format("-%05d", next++);
        List<String> hard = new ArrayList<>();
        String subject = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        String second = random.nextDouble() < 0.3 ? other(subject) : null;
        if (second != null) hard.add("two_subjects");
        Who who = who(subject, hard);

        StringBuilder b = new StringBuilder();
        b.append(pick("尊敬的巡视组领导：", "省委巡视组：", "尊敬的省委第十巡视组：", "巡视组的领导同志们：", "")).append('\n');
        String residenceTown = null;
        if (random.nextDouble() < 0.4 && who.region() != null) {
            RegionsFile.Region home = otherTown(who.region());
            residenceTown = home.name();
            hard.add("writer_elsewhere");
            Village hv = villageOf(home.name());
            b.append(pick("我是" + home.name() + "的村民，", "我是" + hv.name() + "的一名普通群众，",
                    "我家住" + home.shortName() + (random.nextBoolean() ? "镇" : "街道") + hv.name() + "，",
                    "本人是" + home.name() + "的居民，"));
        }
        b.append(pick("现反映", "我要举报", "实名反映", "特向巡视组反映", "反映")).append(who.ref()).append("的问题。\n");
        List<String> body = new ArrayList<>(sentences(subject, who, 2 + random.nextInt(2)));
        for (int d = 1 + random.nextInt(2); d > 0; d--) body.add(random.nextInt(body.size() + 1), fill(oneOf(DETAILS), who));
        if (second != null) body.add(1 + random.nextInt(body.size()), pick("另外，", "另外，", "还有，", "") + fill(oneOf(SENTENCES.get(second)), who));
        if (random.nextDouble() < 0.08) {
            // a number that is not the writer's: never to be taken for the reporter's phone
            body.add(random.nextInt(body.size() + 1), who.shortRef() + pick("的手机号是", "的电话是") + mobile() + pick("，打了也不接。", "，一直关机。"));
            hard.add("third_party_phone");
        }
        for (String s : body) b.append(s);
        b.append('\n');
        if (random.nextDouble() < 0.1) {
            b.append("听说巡视组的电话是").append(round.phone()).append("，一直打不进去，只好写信。");
            hard.add("quotes_team_phone");
        }
        b.append(pick("希望巡视组严肃查处！", "恳请领导调查处理，还群众一个公道。", "请巡视组明察。", "望上级领导重视。")).append('\n');
        b.append("此致\n敬礼\n");

        boolean named = random.nextDouble() < 0.55;
        String name = null, phone = null, idNumber = null, address = null;
        if (named) {
            name = personName();
            boolean contact = random.nextDouble() < 0.88;
            b.append(pick("举报人：", "反映人：", "实名举报人：", "举报人 ")).append(name).append('\n');
            if (contact) {
                double r = random.nextDouble();
                if (r < 0.85) {
                    phone = random.nextDouble() < 0.8 ? mobile() : "0532-8" + digits(7);
                    b.append(pick("联系电话：", "电话：", "手机：", "联系方式 ")).append(formatPhone(phone)).append('\n');
                }
                if (r > 0.6 || phone == null) {
                    idNumber = idNumber();
                    b.append(pick("身份证号：", "身份证号码：")).append(idNumber).append('\n');
                }
                if (random.nextDouble() < 0.6) {
                    RegionsFile.Region home = residenceTown != null ? town(residenceTown) : oneOf(towns);
                    address = home.name() + villageOf(home.name()).name() + (1 + random.nextInt(200)) + "号";
                    b.append(pick("家庭住址：", "住址：", "联系地址：")).append(address).append('\n');
                }
                hard.add("signed");
            } else {
                hard.add("name_without_contact");
            }
        } else {
            b.append(pick("一名知情群众\n", "知情人\n", "一群老党员\n", "", "匿名群众\n", "一名退休职工\n", "几个老住户\n"));
            hard.add("anonymous");
            if (random.nextDouble() < 0.2) {
                // anonymous all the same: a number to call back, no name (issue 11)
                phone = mobile();
                b.append(pick("如需核实可打我手机", "有事请打电话", "联系电话：")).append(formatPhone(phone)).append('\n');
                hard.add("phone_without_name");
            }
        }
        LocalDate written = LocalDate.of(2020, 5, 18).plusDays(random.nextInt(78));
        boolean dated = random.nextDouble() < 0.9;
        if (dated) b.append(formatDate(written)).append('\n');
        LocalDate posted = written.plusDays(random.nextInt(4));
        String envelope = null;
        LocalDate postmark = null;
        if (random.nextDouble() < 0.6) {
            postmark = posted;
            envelope = envelope(postmark, named && random.nextBoolean() ? name : null);
            hard.add("envelope");
        }
        LocalDate lateBasis = postmark != null ? postmark : posted;
        boolean late = lateBasis.isAfter(round.lastDay());
        if (late) hard.add("late");
        Instant received = posted.plusDays(2 + random.nextInt(4)).atTime(9, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant();

        String text = b.toString();
        if (random.nextDouble() < 0.1) {
            text = HanLP.convertToTraditionalChinese(text);
            hard.add("traditional");
        }
        boolean signed = name != null; // 实名: the writer gives a name (issue 11); contact details are usual, not required
        boolean inScope = who.level() != null && round.inScopeLevels().contains(who.level()) && round.subjectInScope(subject)
                && !"即墨区外".equals(who.region());
        String forwardTo = inScope ? null : forwardTo(subject, who);
        List<String> subjects = second == null ? List.of(subject) : List.of(subject, second);
        Truth truth = new Truth(subject, subjects, who.region(), who.level(), inScope, forwardTo, signed, name, phone,
                idNumber, address, dated ? written : null, postmark, late, List.copyOf(hard));
        return new GeneratedLetter(id, text, envelope, received, truth, null);
    }

    /** The same matter sent again: a few words changed, sentences in another order, a new date line. */
    private GeneratedLetter resend(GeneratedLetter original, String root) {
        String id = round.code() + String.format("-%05d", next++);
        String[] lines = original.body().split("\n");
        List<String> kept = new ArrayList<>(List.of(lines));
        if (kept.size() > 4) {
            int a = 1 + random.nextInt(kept.size() - 2);
            int c = 1 + random.nextInt(kept.size() - 2);
            Collections.swap(kept, a, c);
        }
        String text = String.join("\n", kept);
        text = text.replace("。", random.nextBoolean() ? "。" : "！");
        if (random.nextDouble() < 0.4) {
            // re-typed: the same sentences broken into lines of another width, the date rewritten
            text = rewrap(text, 18 + random.nextInt(12));
            text = text.replaceAll("(20\\d\\d)年(\\d+)月(\\d+)日", "$1年$2月" + (1 + random.nextInt(28)) + "日");
        }
        text = pick("此事我已反映过一次，至今无人处理，再次反映。\n", "重复反映：\n", "") + text;
        if (random.nextBoolean()) text = text + "\n请尽快答复。";
        List<String> hard = new ArrayList<>(original.truth().hardCases());
        hard.add("resent");
        Truth t = original.truth();
        Truth truth = new Truth(t.subject(), t.subjects(), t.region(), t.targetLevel(), t.inScope(), t.forwardTo(),
                t.signed(), t.reporterName(), t.phone(), t.idNumber(), t.address(), t.letterDate(), t.postmarkDate(),
                t.late(), List.copyOf(hard));
        return new GeneratedLetter(id, text, original.envelope(), original.receivedAt().plusSeconds(86400L * (3 + random.nextInt(10))),
                truth, root);
    }

    /** Lines longer than {@code width} broken anew at that width; short lines (salutation, closing) kept. */
    private static String rewrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.length() <= 12) { out.append(line).append('\n'); continue; }
            for (int i = 0; i < line.length(); i += width) out.append(line, i, Math.min(line.length(), i + width)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private Who who(String subject, List<String> hard) {
        double r = random.nextDouble();
        String n = targetName();
        if (r < 0.05) {
            String place = pick(OUTSIDE) + "某街道";
            hard.add("outside");
            return new Who(place + "办事处干部" + n, n, null, false, "即墨区外", place, place);
        }
        if (subject.equals("其他") && r < 0.5 || subject.equals("涉法涉诉") && r < 0.3) {
            RegionsFile.Region t = oneOf(towns);
            Village v = villageOf(t.name());
            String place = random.nextBoolean() ? t.name() + v.name() : v.name();
            if (!place.startsWith(t.name())) hard.add("village_only");
            return new Who(place + pick("的有关部门", "的有关单位"), "有关部门", null, false, t.name(), place, place);
        }
        if (r < 0.22) {
            String post = pick("区委书记", "区长", "副区长", "区委副书记", "区人大常委会主任", "区政协副主席", "常务副区长");
            String unit = pick("即墨区", "", "青岛市即墨区");
            String ref = random.nextBoolean() ? unit + post + n : n + "（即墨区" + post + "）";
            return new Who(ref, n, "district_leadership", false, "区直机关", "区政府", "区政府");
        }
        if (r < 0.30 || subject.equals("涉法涉诉") && r < 0.5) {
            String ref = random.nextBoolean() ? pick("区人民法院院长", "区法院院长") + n : pick("区人民检察院检察长", "区检察院检察长") + n;
            return new Who(ref, n, "court_procuratorate_head", false, "区直机关", "区法院", "区法院");
        }
        if (r < 0.55) {
            if (random.nextDouble() < 0.35) {
                String dept = pick(DEPARTMENTS);
                return new Who(dept + "局长" + n, n, "next_level_head", false, "区直机关", dept, dept);
            }
            RegionsFile.Region t = oneOf(towns);
            String form = t.name().endsWith("镇") ? t.shortName() + "镇" : t.shortName() + pick("街道", "街道", "镇");
            String post = form.endsWith("镇") ? pick("党委书记", "镇长") : pick("党工委书记", "办事处主任");
            return new Who(form + post + n, n, "next_level_head", false, t.name(), form, form);
        }
        RegionsFile.Region t = oneOf(towns);
        if (random.nextDouble() < 0.7) {
            Village v = villageOf(t.name());
            boolean villageOnly = random.nextDouble() < 0.5;
            if (villageOnly) hard.add("village_only");
            String place = villageOnly ? v.name() : t.name() + v.name();
            String post = v.name().endsWith("社区") ? pick("党委书记", "主任") : pick("党支部书记", "主任", "会计");
            String ref = place + post + n; // 南阡村党支部书记王某, 墨河社区主任王某
            return new Who(ref, n, "other_cadre", true, t.name(), place, place);
        }
        String form = t.shortName() + (t.name().endsWith("镇") ? "镇" : "街道");
        String post = pick("派出所所长", "科长", "副主任", "科员");
        String ref = form + (post.equals("副主任") ? "办事处" : post.equals("派出所所长") ? "" : "经管站") + post + n;
        String level = "other_cadre";
        return new Who(ref, n, level, false, t.name(), form, form);
    }

    private String forwardTo(String subject, Who who) {
        Round.Forward f = round.forward();
        if (subject.equals(f.litigationSubject())) return f.litigationTo();
        if (who.village()) return f.villageCadreTo();
        if (subject.equals("滥用职权失职渎职")) return "区纪委监委";
        return f.defaultTo();
    }

    private List<String> sentences(String category, Who who, int n) {
        List<String> all = SENTENCES.get(category);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (templateHalf < 0 || i % 2 == templateHalf) pool.add(all.get(i));
        Collections.shuffle(pool, random);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, pool.size()); i++) out.add(fill(pool.get(i), who));
        return out;
    }

    private static final java.util.regex.Pattern CHOICE = java.util.regex.Pattern.compile("\\{([^{}]*\\|[^{}]*)\\}");

    private String fill(String template, Who who) {
        String s = template.replace("{N}", who.shortRef()).replace("{P}", who.place())
                .replace("{M}", String.valueOf(5 + random.nextInt(95)))
                .replace("{Y}", String.valueOf(2015 + random.nextInt(5)))
                .replace("{MO}", String.valueOf(1 + random.nextInt(12)))
                .replace("{K}", String.valueOf(2 + random.nextInt(8)));
        java.util.regex.Matcher m;
        while ((m = CHOICE.matcher(s)).find()) {
            String[] options = m.group(1).split("\\|", -1);
            s = s.substring(0, m.start()) + options[random.nextInt(options.length)] + s.substring(m.end());
        }
        return s;
    }

    private String envelope(LocalDate postmark, String sender) {
        StringBuilder e = new StringBuilder();
        e.append(round.poBox()).append(" 收\n");
        if (sender != null) e.append("寄件人：").append(sender).append('\n');
        e.append(pick("即墨", "青岛即墨", "即墨蓝村", "即墨龙山")).append(" ");
        e.append(String.format("%d.%02d.%02d", postmark.getYear(), postmark.getMonthValue(), postmark.getDayOfMonth()));
        e.append(" ").append(8 + random.nextInt(10)).append('\n');
        return e.toString();
    }

    private String formatDate(LocalDate d) {
        double r = random.nextDouble();
        if (r < 0.7) return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        if (r < 0.85) return d.getYear() + "." + d.getMonthValue() + "." + d.getDayOfMonth();
        return "二〇二〇年" + cn(d.getMonthValue()) + "月" + cn(d.getDayOfMonth()) + "日";
    }

    private static String cn(int n) {
        String digits = "〇一二三四五六七八九";
        if (n < 10) return String.valueOf(digits.charAt(n));
        if (n == 10) return "十";
        if (n < 20) return "十" + digits.charAt(n % 10);
        return digits.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    private String formatPhone(String phone) {
        if (phone.startsWith("0532")) return random.nextBoolean() ? phone : phone.replace("-", "");
        double r = random.nextDouble();
        if (r < 0.7) return phone;
        if (r < 0.85) return phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        return phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
    }

    private String mobile() {
        return oneOf(List.of(MOBILE_PREFIX)) + digits(8);
    }

    private String idNumber() {
        String first = pick("370282", "370215", "370281", "370211") + (1950 + random.nextInt(50))
                + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)) + digits(3);
        return first + IdNumbers.checkChar(first);
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append((char) ('0' + random.nextInt(10)));
        return s.toString();
    }

    private String personName() {
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given();
    }

    private String targetName() {
        char s = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
        double r = random.nextDouble();
        if (r < 0.25) return s + "某";
        if (r < 0.45) return s + "某某";
        return s + given();
    }

    private String given() {
        String g = String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextDouble() < 0.75) g += GIVEN.charAt(random.nextInt(GIVEN.length()));
        return g;
    }

    private String other(String category) {
        String c;
        do c = CATEGORIES.get(random.nextInt(CATEGORIES.size())); while (c.equals(category));
        return c;
    }

    private RegionsFile.Region otherTown(String notThis) {
        RegionsFile.Region t;
        do t = oneOf(towns); while (t.name().equals(notThis));
        return t;
    }

    private RegionsFile.Region town(String name) {
        return towns.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private Village villageOf(String town) {
        List<Village> in = villages.stream().filter(v -> v.town().equals(town)).toList();
        return oneOf(in);
    }

    private <T> T oneOf(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
