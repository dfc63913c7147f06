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
        String s = v instanceof Collection<?> c ? String.join(";", c.stream().map(String::valueOf).toList()) : String.valueOf(v);
        return neutral(s);
    }

    /** What a spreadsheet takes for the start of a formula (tab and CR too: some strip them first). */
    static final String FORMULA_START = "=+-@\t\r";

    /**
     * The cell as plain text for a spreadsheet: one starting like a formula gets a leading
     * apostrophe (OWASP's advice for CSV injection). Every cell, identity columns included: a
     * correction typed by anyone ends up here.
     */
    static String neutral(String s) {
        return s.isEmpty() || FORMULA_START.indexOf(s.charAt(0)) < 0 ? s : "'" + s;
    }
}
