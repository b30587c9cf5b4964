package io.renlayer.schemas.events;

import io.renlayer.schemas.config.DlpAction;

/**
 * One DLP match. Never carries the matched value: {@code masked} keeps at most a few edge characters.
 *
 * @param location a JSON pointer into the body ({@code /messages/0/content}) or {@code body} for raw text,
 *                 with {@code start}/{@code end} UTF-16 offsets inside that decoded string (or number's text)
 */
public record DlpFinding(
        String detectorId,
        String detectorName,
        String location,
        int start,
        int end,
        DlpAction action,
        String masked) {
}
