package io.renlayer.ops.mock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatRequestTest {

    @Test
    void theReplyTokensJoinBackIntoTheExactContent() throws Exception {
        ChatRequest chat = ChatRequest.parse(MockHttp.json("""
                {"messages": [{"role": "user", "content": "  spaced   out  "}]}"""));

        assertThat(chat.replyTokens()).containsExactly("echo:   ", "spaced   ", "out  ");
        assertThat(chat.content()).isEqualTo("echo:   spaced   out  ");
        assertThat(chat.promptTokens()).isEqualTo(2);
        assertThat(chat.model()).isEqualTo(ChatRequest.DEFAULT_MODEL);
    }

    @Test
    void contentPartsCountTheirTextOnly() throws Exception {
        ChatRequest chat = ChatRequest.parse(MockHttp.json("""
                {"messages": [{"role": "user", "content": [
                    {"type": "text", "text": "what is"},
                    {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
                    {"type": "text", "text": "this"}]}]}"""));

        assertThat(chat.content()).isEqualTo("echo: what is this");
        assertThat(chat.promptTokens()).isEqualTo(3);
        assertThat(chat.completionTokens()).isEqualTo(4);
    }
}
