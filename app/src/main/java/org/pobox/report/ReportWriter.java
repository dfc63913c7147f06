package org.pobox.report;

import org.pobox.config.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.pobox.letter.Json;

/** Writes a report as HTML (offline, charts as inline SVG), the ledger as CSV, and everything as JSON. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** @return the three files written: .html, .csv, .json */
    public static List<Path> write(Report.Data data, Path dir, String baseName) {
        try {
            // owner-only like the rest of the data: the ledger names files, and a file's name can be its writer's
            OwnerOnly.createDirectories(dir);
            Path html = dir.resolve(baseName + ".html");
            Path csv = dir.resolve(baseName + "-ledger.csv");
            Path json = dir.resolve(baseName + ".json");
            atomically(html, html(data));
            // a BOM so that spreadsheet programs read the Chinese right
            atomically(csv, "\uFEFF" + csv(data));
            atomically(json, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(data));
            return List.of(html, csv, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + dir, e);
        }
    }

    static String csv(Report.Data data) {
        StringBuilder sb = new StringBuilder("登记编号,收信日期,来信日期,信箱,主题,地区,受理,状态\r\n");
        for (Report.LedgerRow r : data.ledger()) {
            sb.append(String.join(",", List.of(r.registrationNo(), r.receivedAt(), r.letterDate(), r.box(), r.subject(),
                    r.region(), r.scope(), r.status()).stream().map(ReportWriter::csvField).toList())).append("\r\n");
        }
        return sb.toString();
    }

    private static String csvField(String s) {
        String v = s == null ? "" : s;
        // a leading = + - @ would be a formula in a spreadsheet
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static String html(Report.Data d) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>来信日报 ")
                .append(esc(range(d))).append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}"
                        + "h2{margin-top:1.5em}</style></head><body>");
        sb.append("<h1>来信日报 ").append(esc(range(d))).append("</h1>");
        sb.append("<p>收信 <b>").append(d.letters()).append("</b> 件；逾期 ").append(d.late())
                .append(" 件；新重复件 ").append(d.newDuplicates()).append(" 件；需复核页 ").append(d.pagesNeedingReview())
                .append(" 页；失败文件 ").append(d.failures().size()).append(" 个；待处理 ").append(d.backlog())
                .append(" 个。</p>");
        chart(sb, "每日收信", d.perDay());
        chart(sb, "按主题", d.bySubject());
        chart(sb, "按违纪类别", d.byDiscipline());
        chart(sb, "按地区", d.byRegion());
        chart(sb, "按被反映人层级", d.byTargetLevel());
        chart(sb, "受理 / 转办", d.scope());
        chart(sb, "转办去向", d.forwardedTo());
        chart(sb, "署名 / 匿名", d.signed());
        chart(sb, "重复最多的事项（登记编号：重复次数）", d.mostRepeated());
        sb.append("<h2>失败文件</h2><table><tr><th>登记编号</th><th>文件</th><th>原因</th></tr>");
        d.failures().forEach((f, r) -> sb.append("<tr><td>").append(esc(r.registrationNo())).append("</td><td>").append(esc(f))
                .append("</td><td>").append(esc(r.reason())).append("</td></tr>"));
        sb.append("</table><h2>台账</h2><table><tr><th>登记编号</th><th>收信日期</th><th>来信日期</th><th>信箱</th><th>主题</th>"
                + "<th>地区</th><th>受理</th><th>状态</th></tr>");
        for (Report.LedgerRow r : d.ledger()) {
            sb.append("<tr>");
            for (String c : List.of(r.registrationNo(), r.receivedAt(), r.letterDate(), r.box(), r.subject(), r.region(),
                    r.scope(), r.status())) {
                sb.append("<td>").append(esc(c)).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</table></body></html>\n").toString();
    }

    /** A horizontal bar chart as inline SVG: no script, no network, opens offline. */
    private static void chart(StringBuilder sb, String title, Map<String, Integer> counts) {
        sb.append("<h2>").append(esc(title)).append("</h2>");
        if (counts.isEmpty()) {
            sb.append("<p>无</p>");
            return;
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int row = 22;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"").append(counts.size() * row + 4)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        int y = 2;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int w = (int) Math.round(360.0 * e.getValue() / Math.max(1, max));
            sb.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"13\">").append(esc(e.getKey())).append("</text>")
                    .append("<rect x=\"180\" y=\"").append(y + 3).append("\" width=\"").append(w)
                    .append("\" height=\"16\" fill=\"#4a78b5\"/>")
                    .append("<text x=\"").append(186 + w).append("\" y=\"").append(y + 15).append("\" font-size=\"13\">")
                    .append(e.getValue()).append("</text>");
            y += row;
        }
        sb.append("</svg>");
    }

    private static String range(Report.Data d) {
        return d.from().equals(d.to()) ? d.from().toString() : d.from() + " – " + d.to();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void atomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.writeString(Files.createFile(tmp, OwnerOnly.fileAttribute()), content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
