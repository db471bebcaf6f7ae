package org.careslot.reporting.report.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 text: a header row, CRLF after every record, a field quoted (inner quotes doubled) when it holds a comma,
 * a quote, CR or LF.
 */
final class CsvTable {

    static final String MEDIA_TYPE = "text/csv";

    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");

    private CsvTable() {
    }

    static String of(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        append(csv, header);
        rows.forEach(row -> append(csv, row));
        return csv.toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        return NEEDS_QUOTES.matcher(value).find() ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void append(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }
}
