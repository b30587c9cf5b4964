package io.renlayer.engine.dlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.renlayer.engine.dlp.Detections.find;
import static org.assertj.core.api.Assertions.assertThat;

class NumericDetectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004", "3782 822463 10005",
        "6011111111111117", "4222222222222", "2223003122003222"})
    void findsLuhnValidCards(String card) {
        assertThat(find("payment_card", "pay with " + card + " today")).containsExactly(card);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "4111111111111112",            // bad Luhn
        "order 1234567812345678",      // 16-digit order number failing Luhn
        "41111111111111110000",        // 20 digits: an id, not a card
        "card4111111111111111",        // glued to a word
        "1111111111111117",            // Luhn-valid but no network starts with 1
        "<Buffer 66 68 71 77 68 67 61 64>", // hex dump groups
        "4111 111 1111 1111 1"         // not grouped like a card
    })
    void ignoresCardLookAlikes(String text) {
        assertThat(find("payment_card", text)).isEmpty();
    }

    @Test
    void aTrailingNumberDoesNotHideTheCard() {
        assertThat(find("payment_card", "4111 1111 1111 1111 12 items")).containsExactly("4111 1111 1111 1111");
    }

    @Test
    void findsSeveralCards() {
        assertThat(find("payment_card", "4111111111111111,5105105105105100;4012888888881881"))
                .containsExactly("4111111111111111", "5105105105105100", "4012888888881881");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR1420041010050500013M02606",
        "NL91ABNA0417164300", "NO9386011117947"})
    void findsValidIbans(String iban) {
        assertThat(find("iban", "IBAN: " + iban + ".")).containsExactly(iban);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DE89 3704 0044 0532 0130 01",   // checksum
        "GB82WEST1234569876543",         // one character short for GB
        "XX89370400440532013000",        // unknown country
        "DE8937040044053201300099",      // longer than a German IBAN
        "ADE89370400440532013000"        // glued to a letter
    })
    void ignoresIbanLookAlikes(String text) {
        assertThat(find("iban", text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123-45-6789", "078-05-1120", "665 12 3456"})
    void findsSsns(String ssn) {
        assertThat(find("us_ssn", "SSN " + ssn + " on file")).containsExactly(ssn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000",
        "123-45-67890", "1123-45-6789", "123-45 6789", "123456789", "12-123-45-6789"})
    void ignoresNeverIssuedAndMalformedSsns(String text) {
        assertThat(find("us_ssn", text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 415 555 2671", "+14155552671", "+44 20 7946 0958", "+44 (0)20 7946 0958",
        "(415) 555-2671", "415-555-2671", "415.555.2671", "020 7946 0958"})
    void findsPhoneNumbers(String phone) {
        assertThat(find("phone", "call " + phone + " now")).containsExactly(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "+4111111111111111", "123-456-7890", "2024-01-15", "+1 555 12",
        "id 14155552671"})
    void ignoresPhoneLookAlikes(String text) {
        assertThat(find("phone", text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.1", "10.0.0.255", "8.8.8.8"})
    void findsIpv4(String ip) {
        assertThat(find("ipv4", "host " + ip + ", port 80")).containsExactly(ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3.4.5", "192.168.01.1", "version 1.2.3", "pi is 3.14", "v1.2.3.4"})
    void ignoresIpv4LookAlikes(String text) {
        assertThat(find("ipv4", text)).isEmpty();
    }
}
