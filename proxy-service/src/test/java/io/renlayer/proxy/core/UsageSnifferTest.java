package io.renlayer.proxy.core;

import io.renlayer.schemas.events.TokenUsage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class UsageSnifferTest {

    private static void feedInPieces(UsageSniffer sniffer, String text, int pieceLength) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += pieceLength) {
            sniffer.accept(bytes, i, Math.min(pieceLength, bytes.length - i));
        }
    }

    @Test
    void readsOpenAiUsageFromAJsonBodyCutIntoChunks() {
        UsageSniffer sniffer = UsageSniffer.forContentType("application/json; charset=utf-8");
        feedInPieces(sniffer, "{\"id\":\"chatcmpl-1\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
                + "\"completion_tokens\":5,\"total_tokens\":17}}", 7);

        assertThat(sniffer.usage()).isEqualTo(new TokenUsage(12, 5, 17));
    }

    @Test
    void readsTheUsageEventOfAnOpenAiStreamSplitAcrossChunks() {
        UsageSniffer sniffer = UsageSniffer.forContentType("text/event-stream");
        feedInPieces(sniffer, """
                data: {"choices":[{"delta":{"content":"hel"}}],"usage":null}

                data: {"choices":[{"delta":{"content":"lo"}}],"usage":null}

                data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}

                data: [DONE]

                """, 5);

        assertThat(sniffer.usage()).isEqualTo(new TokenUsage(3, 2, 5));
    }

    @Test
    void addsUpAnthropicUsageSplitAcrossStreamEvents() {
        UsageSniffer sniffer = UsageSniffer.forContentType("text/event-stream");
        feedInPieces(sniffer, """
                event: message_start
                data: {"type":"message_start","message":{"usage":{"input_tokens":25,"output_tokens":1}}}

                event: message_delta
                data: {"type":"message_delta","usage":{"output_tokens":15}}

                """, 11);

        assertThat(sniffer.usage()).isEqualTo(new TokenUsage(25, 15, 40));
    }

    @Test
    void reportsNothingWhenThereIsNoUsageOrTheBodyIsNotJson() {
        UsageSniffer json = UsageSniffer.forContentType("application/json");
        feedInPieces(json, "{\"data\":[1,2,3]}", 4);
        UsageSniffer broken = UsageSniffer.forContentType("application/json");
        feedInPieces(broken, "{\"usage\":{\"prompt_tokens\":", 4);

        assertThat(json.usage()).isNull();
        assertThat(broken.usage()).isNull();
        assertThat(UsageSniffer.forContentType("text/html")).isNull();
        assertThat(UsageSniffer.forContentType(null)).isNull();
    }
}
