package org.pobox.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The result list as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese
 * right). Reporter columns only when the export is with identity, which only a lead may ask for.
 */
final class CsvExport {

    static final List<String> COLUMNS = List.of("registration_no", "id", "received_at", "letter_date", "late", "box",
            "subject", "subjects", "discipline", "region", "target_level", "in_scope", "signed", "needs_review",
            "page_count", "ocr_confidence", "duplicate_of", "repeat_count");
    static final List<String> IDENTITY = List.of("name", "phone", "id_number", "address");

    private CsvExport() {
    }

    static byte[] write(List<Map<String, Object>> rows, boolean identity) {
        List<String> header = new ArrayList<>(COLUMNS);
        if (identity) {
            IDENTITY.forEach(c -> header.add("reporter_" + c));
        }
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Map<String, Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String c : COLUMNS) {
                    cells.add(cell(row.get(c)));
                }
                if (identity) {
                    Object rep = row.get("reporter");
                    for (String c : IDENTITY) {
                        cells.add(rep instanceof Map<?, ?> m ? cell(m.get(c)) : "");
                    }
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Collection<?> c) {
            return String.join(";", c.stream().map(String::valueOf).toList());
        }
        String s = String.valueOf(v);
        // a cell starting with = + - @ is a formula to a spreadsheet: neutralise it
        return s.isEmpty() || "=+-@".indexOf(s.charAt(0)) < 0 ? s : "'" + s;
    }
}
