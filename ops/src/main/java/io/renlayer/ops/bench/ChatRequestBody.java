package io.renlayer.ops.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one request body of the benchmark: an OpenAI chat completion of about 4 KB, a support agent's
 * conversation in plain prose. It holds nothing any built-in DLP detector reports (no digits runs, addresses,
 * key-like tokens or secret keywords), so every request is scanned in full and forwarded unchanged — the
 * common case whose cost the benchmark is after. The proxy's findings meters confirm it after the run.
 */
final class ChatRequestBody {

    private static final String SYSTEM = """
            You are the support assistant of a company that sells and delivers office furniture to small \
            businesses. Answer in a friendly, concise and professional tone. Never promise a delivery date that \
            the logistics team has not confirmed, never offer a refund yourself, and hand the conversation to a \
            human colleague when the customer asks for one or is clearly upset. When you summarise a thread, \
            list what the customer wants, what has been done so far, and what the next step is, in that order. \
            Keep answers short enough to read on a phone, and use plain words rather than internal jargon.""";

    private static final String[][] TURNS = {
        {"user", "Hello, we ordered six standing desks and a meeting table for our new office last month, and "
                + "the order page still says that everything is being prepared. Our team moves in at the start "
                + "of next week and we would really like to know whether the furniture will be there in time."},
        {"assistant", "Thank you for getting in touch, and sorry for the uncertainty. I can see the order and "
                + "that it has not left the warehouse yet. I have asked the logistics team to confirm a delivery "
                + "window and will come back to you as soon as they answer."},
        {"user", "Thanks. Could you also check whether the meeting table can be delivered separately if it is "
                + "ready before the desks? We could live without the desks for a few days, but we have a client "
                + "visit planned and would rather not receive them around a bare room."},
        {"assistant", "That makes sense. The table is in stock at the regional warehouse, so a separate "
                + "delivery is usually possible. I have added the request to the ticket, and the logistics team "
                + "will tell us whether they can split the shipment without extra charges."},
        {"user", "One more thing: the building has a small goods lift and the caretaker asked us to book it in "
                + "advance. Does the delivery crew carry everything up to the office, or do they leave the boxes "
                + "at the entrance? And will somebody assemble the desks, or should we plan for that ourselves? "
                + "We chose the assembly service when we ordered, but the confirmation we received does not say."},
        {"assistant", "The crew brings everything to the room you choose, and the assembly service you chose is "
                + "part of the order, so they will put the desks and the table together and take the packaging "
                + "away. Please book the lift for the whole delivery window once it is confirmed; I will remind "
                + "you as soon as we have it. I have also noted the lift on the ticket for the crew."},
        {"user", "Perfect, thank you. Our office manager will be there to let the crew in, and she would like a "
                + "call about half an hour before they arrive, if that is possible, because she will be unpacking "
                + "the kitchen on another floor that morning and might not hear the door."},
        {"assistant", "Noted: the crew will call your office manager half an hour before they arrive."},
    };

    private static final String LAST = "Please summarise this conversation for the colleague who takes over the "
            + "ticket tomorrow morning. Mention that the customer moves into the new office at the start of next "
            + "week, that the meeting table matters most because of a client visit, that the desks can follow a "
            + "few days later, and that we are still waiting for the logistics team to confirm both the delivery "
            + "window and whether a split shipment is possible without extra charges. Add a short suggestion for "
            + "what the colleague should say to the customer if the logistics team has not answered by noon, and "
            + "keep the whole summary under one hundred and fifty words so that it fits on the ticket overview. "
            + "Finally, point out anything in the thread that the customer might read as a promise, so that the "
            + "colleague can avoid repeating it before the dates are confirmed by the warehouse. The colleague "
            + "reads the summary between two calls, so put the most important point first and leave out the "
            + "greetings and the apologies, which the customer has already received from us in this thread.";

    private ChatRequestBody() {
    }

    static byte[] json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode body = mapper.createObjectNode().put("model", "gpt-4o-mini");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        for (String[] turn : TURNS) {
            messages.addObject().put("role", turn[0]).put("content", turn[1]);
        }
        messages.addObject().put("role", "user").put("content", LAST);
        body.put("temperature", 0.2).put("max_tokens", 400).put("user", "support-desk");
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
