package org.pobox.understand;

import org.junit.jupiter.api.Test;
import org.pobox.understand.round.Seeds;

import java.time.Instant;

class ScratchTest {
    @Test
    void print() throws Exception {
        LetterReader r = new LetterReader(Seeds.load(Seeds.defaultDir()), null);
        String body = "尊敬的巡视组领导：\n我是蓝村街道的村民，反映通济街道南阡村党支部书记王建国贪污扶贫资金、优亲厚友办理低保的问题。"
                + "另外，即墨区副区长李某某经常公车私用，大吃大喝。\n此致\n敬礼\n举报人：张丽华 电话：l38 O532 6677 身份证号：370282198501010014\n"
                + "家住即墨区蓝村街道古城村\n2020年7月20日";
        String env = "山东省青岛市A013号邮政专用信箱 收\n寄件人：张丽华\n邮戳 2020.07.27";
        var u = r.understand(body, env, Instant.parse("2020-07-29T02:00:00Z"));
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(u));
        System.out.println(r.mask(body, u.reporter()));
        System.out.println(com.hankcs.hanlp.HanLP.segment("反映通济街道南阡村党支部书记王建国贪污扶贫资金。举报人：张丽华 电话"));
    }
}
