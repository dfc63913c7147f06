package org.pobox.understand.corpus;

import java.util.Random;

/**
 * Degrades clean text the way OCR does, at a given character error rate: Chinese characters are
 * substituted by other characters, dropped, or doubled by a stray one; digits mostly come out as
 * look-alike letters or full-width digits, sometimes as another digit; punctuation changes width.
 * Line breaks are kept (OCR keeps lines).
 */
public final class OcrNoise {
    private static final String STRAY = "的一是了不在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即千造争府";
    private static final String LOOKALIKE_OF = "0123456789";
    private static final String[] LOOKALIKES = {"OoD", "lI|", "Z", "3", "4", "S", "b", "7", "B", "q"};
    private static final String FULLWIDTH = "０１２３４５６７８９";

    private final Random random;

    public OcrNoise(long seed) {
        this.random = new Random(seed);
    }

    public String degrade(String text, double rate) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == ' ' || random.nextDouble() >= rate) { out.append(c); continue; }
            int d = LOOKALIKE_OF.indexOf(c);
            if (d >= 0) { out.append(digitError(d)); continue; }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                double r = random.nextDouble();
                if (r < 0.6) out.append(STRAY.charAt(random.nextInt(STRAY.length())));
                else if (r < 0.8) { /* dropped */ }
                else { out.append(c).append(STRAY.charAt(random.nextInt(STRAY.length()))); }
                continue;
            }
            out.append(switch (c) {
                case '，' -> ',';
                case '。' -> '.';
                case '：' -> ':';
                case '、' -> ',';
                default -> c;
            });
        }
        return out.toString();
    }

    private char digitError(int d) {
        double r = random.nextDouble();
        if (r < 0.5) {
            String alike = LOOKALIKES[d];
            char a = alike.charAt(random.nextInt(alike.length()));
            if (Character.isLetter(a) || a == '|') return a;
            return FULLWIDTH.charAt(d);
        }
        if (r < 0.85) return FULLWIDTH.charAt(d);
        return (char) ('0' + random.nextInt(10));
    }
}
