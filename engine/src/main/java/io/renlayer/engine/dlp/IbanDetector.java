package io.renlayer.engine.dlp;

import java.util.Set;

import static io.renlayer.engine.dlp.Prefilter.Anchor.DIGIT_RUN;

/**
 * International bank account numbers, compact or printed in groups of four: a known country code, the exact
 * length that country uses, and a valid ISO 7064 mod-97 checksum.
 */
final class IbanDetector implements TextDetector {

    /** Length of a full IBAN per country, from the SWIFT IBAN registry. */
    private static final String REGISTRY = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28"
            + " CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28"
            + " IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20"
            + " MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24"
            + " SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";

    private static final int[] LENGTH_BY_COUNTRY = lengthTable();
    /** The longest IBAN (34 characters) with a space between each two, and the character after it. */
    private static final int READ_AT_MOST = 2 * 34;

    @Override
    public Set<Prefilter.Anchor> anchors() {
        return Set.of(DIGIT_RUN);
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        Prefilter anchors = text.prefilter();
        // The check digits are the first digit run; the country code is the two letters before it.
        for (int r = 0; r < anchors.count(DIGIT_RUN); r++) {
            int checkDigits = anchors.at(DIGIT_RUN, r);
            int start = checkDigits - 2;
            if (start < 0 || checkDigits + 1 >= s.length() || !Chars.isDigit(s.charAt(checkDigits + 1))
                    || (start > 0 && Chars.isAlnum(s.charAt(start - 1)))) {
                continue;
            }
            int length = countryLength(s.charAt(start), s.charAt(start + 1));
            int end = length == 0 ? -1 : endOfIban(s, start, length);
            if (end > 0 && mod97(s, start, end) == 1) {
                sink.match(start, end);
            }
        }
    }

    @Override
    public int holdFrom(ScanText text) {
        return TrailingRun.firstStart(text.text(), READ_AT_MOST,
                c -> Chars.isUpper(c) || Chars.isDigit(c) || c == ' ', Chars::isUpper);
    }

    private static int countryLength(char first, char second) {
        return Chars.isUpper(first) && Chars.isUpper(second) ? LENGTH_BY_COUNTRY[(first - 'A') * 26 + second - 'A'] : 0;
    }

    /** Takes exactly {@code length} characters (single spaces allowed between them); -1 if the shape breaks. */
    private static int endOfIban(String s, int start, int length) {
        int taken = 0;
        int pos = start;
        while (taken < length) {
            boolean groupSeparator = taken > 0 && pos + 1 < s.length()
                    && s.charAt(pos) == ' ' && s.charAt(pos + 1) != ' ';
            if (groupSeparator) {
                pos++;
            }
            if (pos >= s.length() || !(Chars.isUpper(s.charAt(pos)) || Chars.isDigit(s.charAt(pos)))) {
                return -1;
            }
            taken++;
            pos++;
        }
        return pos < s.length() && Chars.isAlnum(s.charAt(pos)) ? -1 : pos;
    }

    /** ISO 13616: move the first four characters to the end, letters count as 10–35, remainder mod 97. */
    private static int mod97(String s, int start, int end) {
        int remainder = 0;
        for (int i = start + 4; i < end; i++) {
            remainder = accumulate(remainder, s.charAt(i));
        }
        for (int i = start; i < start + 4; i++) {
            remainder = accumulate(remainder, s.charAt(i));
        }
        return remainder;
    }

    private static int accumulate(int remainder, char c) {
        if (c == ' ') {
            return remainder;
        }
        return Chars.isDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
    }

    private static int[] lengthTable() {
        int[] table = new int[26 * 26];
        for (String entry : REGISTRY.split(" ")) {
            table[(entry.charAt(0) - 'A') * 26 + entry.charAt(1) - 'A'] = Integer.parseInt(entry.substring(2));
        }
        return table;
    }
}
