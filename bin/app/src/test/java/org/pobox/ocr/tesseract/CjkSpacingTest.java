package org.pobox.ocr.tesseract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CjkSpacingTest {

    @Test
    void removesSpacesTesseractPutsBetweenChineseCharacters() {
        assertThat(CjkSpacing.tidy("村 支 书 侵 占 补 偿 款 5000 元 。")).isEqualTo("村支书侵占补偿款5000元。");
    }

    @Test
    void keepsSpacesBetweenLatinWordsAndNumbers() {
        assertThat(CjkSpacing.tidy("Room 302 , Building 5")).isEqualTo("Room 302 , Building 5");
    }

    @Test
    void joinsALineWrappedInsideASentenceButKeepsTheWritersLines() {
        assertThat(CjkSpacing.tidy("尊 敬 的 领 导 ：\n我 村 补 偿\n款 至 今 未 发 。\n2020 年 6 月 1 日 \n"))
                .isEqualTo("尊敬的领导：\n我村补偿款至今未发。\n2020年6月1日");
    }
}
