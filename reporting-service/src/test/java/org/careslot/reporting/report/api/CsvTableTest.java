package org.careslot.reporting.report.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableTest {

    @Test
    void writesAHeaderAndRowsEachEndedByCrLf() {
        assertThat(CsvTable.of(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3", ""))))
                .isEqualTo("a,b\r\n1,2\r\n3,\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesOrLineBreaksAndDoublesInnerQuotes() {
        assertThat(CsvTable.field("plain")).isEqualTo("plain");
        assertThat(CsvTable.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvTable.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvTable.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvTable.field("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(CsvTable.field(null)).isEmpty();
    }
}
