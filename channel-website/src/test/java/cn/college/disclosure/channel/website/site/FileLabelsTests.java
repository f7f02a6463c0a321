package cn.college.disclosure.channel.website.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a reader sees beside an attachment's link. */
class FileLabelsTests {

    @Test
    void namesTheKindsOfDocumentCollegesPublish() {
        assertThat(FileLabels.kind("application/pdf", "a.pdf")).isEqualTo("PDF");
        assertThat(FileLabels.kind("application/msword", "a.doc")).isEqualTo("Word");
        assertThat(
                        FileLabels.kind(
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                "a.docx"))
                .isEqualTo("Word");
        assertThat(FileLabels.kind("application/vnd.ms-excel", "a.xls")).isEqualTo("Excel");
        assertThat(
                        FileLabels.kind(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                "a.xlsx"))
                .isEqualTo("Excel");
        assertThat(
                        FileLabels.kind(
                                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                "a.pptx"))
                .isEqualTo("PowerPoint");
        assertThat(FileLabels.kind("application/ofd", "a.ofd")).isEqualTo("OFD");
        assertThat(FileLabels.kind("application/zip", "报告.ofd")).isEqualTo("OFD");
        assertThat(FileLabels.kind("image/png", "a.png")).isEqualTo("图片");
        assertThat(FileLabels.kind("application/octet-stream", "a.bin")).isEqualTo("文件");
    }

    @Test
    void givesTheSizeInBinaryUnitsWithOneDecimal() {
        assertThat(FileLabels.size(0)).isEqualTo("0 B");
        assertThat(FileLabels.size(1023)).isEqualTo("1023 B");
        assertThat(FileLabels.size(1024)).isEqualTo("1.0 KB");
        assertThat(FileLabels.size(12_595)).isEqualTo("12.3 KB");
        assertThat(FileLabels.size(1_258_291)).isEqualTo("1.2 MB");
        assertThat(FileLabels.size(1024 * 1024 - 1)).isEqualTo("1.0 MB");
        assertThat(FileLabels.size(50L * 1024 * 1024)).isEqualTo("50.0 MB");
        assertThat(FileLabels.size(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GB");
    }
}
