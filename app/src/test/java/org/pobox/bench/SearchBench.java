package org.pobox.bench;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pobox.auth.Accounts;
import org.pobox.auth.Role;
import org.pobox.auth.UserStore;
import org.pobox.config.PoboxConfig;
import org.pobox.node.EmbeddedNode;
import org.pobox.node.EngineClient;
import org.pobox.node.NodeConfig;
import org.pobox.testdata.LetterTexts;
import org.pobox.web.WebServer;

/**
 * Loads N synthetic letters with bulk writes into a fresh node, then measures search latency for
 * 1–3-word queries with highlight and all facets: the engine's {@code took} and end to end through
 * the API (HTTP, session, audit write included), and the page's time to first results in headless
 * Chromium. Usage: SearchBench letters queries workdir [vocab|letters]
 * <p>
 * {@code vocab}: sentences from a 30-word vocabulary, queries from the same words (broad: each
 * query hits ~20% of the letters). {@code letters}: the test-scan generator's letter texts, queries
 * are 1-3 random 2-4-character pieces of generated letters (names, villages, topics: a mix of rare
 * and common).
 */
public final class SearchBench {

    private static final String[] WORDS = {"补偿款", "征地", "拆迁", "村支部书记", "截留", "低保", "扶贫资金", "公款吃喝", "公车私用",
            "收送礼金", "大操大办", "违规提拔", "买官卖官", "保护伞", "滥用职权", "失职渎职", "形式主义", "官僚主义", "生活作风",
            "集体土地", "工程款", "贪污", "受贿", "村委会", "街道办事处", "宅基地", "合作社", "养殖场", "补贴", "账目"};
    private static final String[] PLACES = {"环秀", "潮海", "通济", "北安", "龙山", "龙泉", "鳌山卫", "温泉", "田横", "金口",
            "段泊岚", "移风店", "灵山", "蓝村", "大信"};
    private static final String[] FILLER = {"群众反映强烈", "至今没有解决", "请求巡视组调查处理", "多次向上级反映无果",
            "造成恶劣影响", "有关人员互相推诿", "村民意见很大", "账目从不公开", "涉及金额较大", "希望依法依规处理"};
    private static final String[] SUBJECTS = {"贪污贿赂", "滥用职权/失职渎职", "违反中央八项规定精神", "形式主义官僚主义", "选人用人",
            "涉黑涉恶保护伞", "侵害群众利益", "生活作风", "涉法涉诉", "其他"};
    private static final String[] DISCIPLINES = {"政治纪律", "组织纪律", "廉洁纪律", "群众纪律", "工作纪律", "生活纪律"};
    private static final String[] LEVELS = {"区领导班子成员", "市管干部", "镇街主要负责人", "科级", "村级", "其他"};

    public static void main(String[] args) throws Exception {
        int letters = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        int queries = Integer.parseInt(args.length > 1 ? args[1] : "300");
        Path work = Path.of(args.length > 2 ? args[2] : "app/target/search-bench").toAbsolutePath();
        mode = args.length > 3 ? args[3] : "vocab";
        if (mode.equals("letters")) {
            LetterTexts sample = new LetterTexts(99);
            for (int i = 0; i < 2000; i++) {
                SAMPLE.add(sample.letter());
            }
        }
        Path home = Path.of(System.getProperty("pobox.home", ".")).toAbsolutePath().normalize();
        Files.createDirectories(work);
        int nodePort = freePort();
        EmbeddedNode node = new EmbeddedNode(new NodeConfig(home, work.resolve("node-" + System.currentTimeMillis()), nodePort,
                System.getProperty("bench.heap", "1g"), Duration.ofSeconds(180), org.pobox.support.TestEngine.keys().nodeTokenFile()));
        node.ensureRunning();
        try (EngineClient engine = org.pobox.support.TestEngine.connect(node)) {
            String alias = "bench";
            BenchIndex.create(engine, alias);
            long t0 = System.nanoTime();
            load(engine, alias, letters);
            engine.client().indices().refresh(r -> r.index(alias));
            double loadSec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("loaded %d letters in %.1f s (%.0f letters/s)%n", letters, loadSec, letters / loadSec);
            engine.client().indices().forcemerge(f -> f.index(alias).maxNumSegments(1L));

            Properties sys = new Properties();
            sys.setProperty("pobox.home", home.toString());
            sys.setProperty("pobox.index.alias", alias);
            sys.setProperty("pobox.es.url", node.url());
            int webPort = freePort();
            sys.setProperty("pobox.web.port", String.valueOf(webPort));
            sys.setProperty("pobox.archive", work.resolve("archive").toString());
            PoboxConfig config = PoboxConfig.load(Map.of(), sys);
            new Accounts(new UserStore(engine, alias)).add("bench", EnumSet.of(Role.INVESTIGATOR), "bench-password-123".toCharArray());
            try (WebServer server = new WebServer(config, engine).start()) {
                String base = "http://127.0.0.1:" + webPort;
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"password\":\"bench-password-123\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                Random rnd = new Random(7);
                ObjectMapper json = new ObjectMapper();
                for (int i = 0; i < 50; i++) { // warm-up
                    search(http, base, cookie, query(rnd), json);
                }
                double[] took = new double[queries];
                double[] e2e = new double[queries];
                long hits = 0;
                for (int i = 0; i < queries; i++) {
                    String q = query(rnd);
                    long s = System.nanoTime();
                    JsonNode res = search(http, base, cookie, q, json);
                    e2e[i] = (System.nanoTime() - s) / 1e6;
                    took[i] = res.path("took_ms").asDouble();
                    hits += res.path("total").asLong();
                }
                System.out.printf("queries %d (1-3 words, highlight, 10 facets + month, page of 20), mean hits %.0f%n",
                        queries, hits / (double) queries);
                System.out.printf("engine took  ms: p50 %.1f  p95 %.1f  p99 %.1f%n", pct(took, 50), pct(took, 95), pct(took, 99));
                System.out.printf("API e2e      ms: p50 %.1f  p95 %.1f  p99 %.1f%n", pct(e2e, 50), pct(e2e, 95), pct(e2e, 99));
                firstResults(base, work, rnd);
            }
        } finally {
            node.stop();
        }
    }

    /** Time from navigating to a search URL until the result count is on the page, in headless Chromium. */
    private static void firstResults(String base, Path work, Random rnd) throws Exception {
        if (!new File("/usr/bin/chromedriver").exists()) {
            System.out.println("page time to first results: skipped (no chromedriver)");
            return;
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium"), "--window-size=1366,768");
        WebDriver b = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), o);
        try {
            WebDriverWait wait = new WebDriverWait(b, Duration.ofSeconds(30));
            b.get(base + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name"))).sendKeys("bench");
            b.findElement(By.id("login-password")).sendKeys("bench-password-123");
            b.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
            int n = 20;
            double[] ms = new double[n];
            for (int i = 0; i < n; i++) {
                String url = base + "/?q=" + URLEncoder.encode(query(rnd), StandardCharsets.UTF_8);
                long s = System.nanoTime();
                b.get(url); // a full page load: HTML, CSS, JS, /api/me, /api/search, rendering
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            System.out.printf("page load to first results ms (Chromium, %d loads): p50 %.0f  p95 %.0f  max %.0f%n", n,
                    pct(ms, 50), pct(ms, 95), pct(ms, 100));
        } finally {
            b.quit();
        }
    }

    private static JsonNode search(HttpClient http, String base, String cookie, String q, ObjectMapper json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("search answered " + r.statusCode());
        }
        return json.readTree(r.body());
    }

    private static String mode = "vocab";
    private static final List<String> SAMPLE = new ArrayList<>();
    private static final LetterTexts TEXTS = new LetterTexts(42);

    private static String query(Random rnd) {
        int n = 1 + rnd.nextInt(3);
        if (mode.equals("letters")) {
            List<String> w = new ArrayList<>();
            while (w.size() < n) {
                String t = SAMPLE.get(rnd.nextInt(SAMPLE.size()));
                int len = 2 + rnd.nextInt(3);
                int at = rnd.nextInt(Math.max(1, t.length() - len));
                String piece = t.substring(at, Math.min(t.length(), at + len));
                if (piece.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    w.add(piece);
                }
            }
            return String.join(" ", w);
        }
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(rnd.nextInt(4) == 0 ? PLACES[rnd.nextInt(PLACES.length)] : WORDS[rnd.nextInt(WORDS.length)]);
        }
        return String.join(" ", w);
    }

    private static void load(EngineClient engine, String alias, int letters) throws Exception {
        Random rnd = new Random(42);
        int batch = 1000;
        for (int start = 0; start < letters; start += batch) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = start; i < Math.min(letters, start + batch); i++) {
                Map<String, Object> d = letter(i, rnd);
                bulk.operations(op -> op.index(x -> x.index(alias).id((String) d.get("id")).document(d)));
            }
            BulkResponse resp = engine.client().bulk(bulk.build());
            if (resp.errors()) {
                throw new IllegalStateException("bulk errors: " + resp.items().stream().filter(it -> it.error() != null)
                        .findFirst().map(it -> it.error().reason()).orElse("?"));
            }
        }
    }

    private static Map<String, Object> letter(int i, Random rnd) {
        String place = PLACES[rnd.nextInt(PLACES.length)];
        StringBuilder text = new StringBuilder("尊敬的巡视组：我反映" + place + "的问题。");
        int sentences = 6 + rnd.nextInt(10);
        for (int s = 0; s < sentences; s++) {
            text.append(place).append(WORDS[rnd.nextInt(WORDS.length)]).append("问题，").append(WORDS[rnd.nextInt(WORDS.length)])
                    .append("，").append(FILLER[rnd.nextInt(FILLER.length)]).append("。");
        }
        String t = mode.equals("letters") ? TEXTS.letter() : text.toString();
        String subject = SUBJECTS[rnd.nextInt(SUBJECTS.length)];
        LocalDate received = LocalDate.of(2020, 5, 20).plusDays(rnd.nextInt(80));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", String.format("%064x", i));
        d.put("registration_no", String.format("JM-2020-%06d", i));
        d.put("received_at", received + "T09:00:00Z");
        d.put("text", t);
        d.put("pages", List.of(Map.of("number", 1, "text", t, "confidence", 0.5 + rnd.nextDouble() / 2)));
        d.put("page_count", 1);
        d.put("ocr_confidence", 0.5 + rnd.nextDouble() / 2);
        d.put("subject", subject);
        d.put("subjects", rnd.nextBoolean() ? List.of(subject) : Arrays.asList(subject, SUBJECTS[rnd.nextInt(SUBJECTS.length)]));
        d.put("discipline", DISCIPLINES[rnd.nextInt(DISCIPLINES.length)]);
        d.put("region", place);
        d.put("target_level", LEVELS[rnd.nextInt(LEVELS.length)]);
        d.put("in_scope", rnd.nextInt(5) > 0);
        d.put("signed", rnd.nextInt(3) == 0);
        d.put("late", received.isAfter(LocalDate.of(2020, 7, 25)));
        d.put("needs_review", rnd.nextInt(10) == 0);
        d.put("box", String.valueOf(1 + rnd.nextInt(6)));
        d.put("sealed", rnd.nextInt(200) == 0);
        if (rnd.nextInt(3) == 0) {
            d.put("reporter", Map.of("name", "测试" + i, "phone", String.format("139%08d", i)));
        }
        return d;
    }

    private static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
