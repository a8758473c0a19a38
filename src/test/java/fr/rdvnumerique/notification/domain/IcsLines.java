package fr.rdvnumerique.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks of iCalendar text as it travels: the octets, not Java's characters. */
public final class IcsLines {

    private IcsLines() {
    }

    /**
     * RFC 5545 §3.1: every line ends with CRLF, no bare CR or LF, at most 75 octets, and folding never cuts a
     * character: each line's octets must decode as UTF-8 on their own. (Checked on the bytes: a Java string cannot
     * show a cut, it would already hold a replacement character or a lone surrogate.)
     */
    public static void assertRfc5545Lines(String ics) {
        assertRfc5545Lines(ics.getBytes(StandardCharsets.UTF_8));
    }

    public static void assertRfc5545Lines(byte[] ics) {
        assertThat(ics.length).isGreaterThan(1);
        assertThat(ics[ics.length - 2]).as("ends with CRLF").isEqualTo((byte) '\r');
        assertThat(ics[ics.length - 1]).as("ends with CRLF").isEqualTo((byte) '\n');
        var line = new ByteArrayOutputStream();
        for (int i = 0; i < ics.length; i++) {
            byte b = ics[i];
            if (b == '\r') {
                assertThat(i + 1 < ics.length && ics[i + 1] == '\n').as("CR without LF at octet " + i).isTrue();
                checkLine(line.toByteArray());
                line.reset();
                i++;
            } else {
                assertThat(b).as("LF without CR at octet " + i).isNotEqualTo((byte) '\n');
                line.write(b);
            }
        }
    }

    private static void checkLine(byte[] octets) {
        assertThat(octets.length).as("octets of a line").isLessThanOrEqualTo(IcsText.MAX_OCTETS);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets));
        } catch (CharacterCodingException e) {
            fail("A line ends or starts inside a character: " + new String(octets, StandardCharsets.UTF_8), e);
        }
    }
}
