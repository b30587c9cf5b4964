package io.renlayer.api.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local mode only: writes the code to the log, where the local stack shows it. Never configure it in a
 * shared deployment — the code is a credential.
 */
public final class LogMailSender implements MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(LogMailSender.class);

    @Override
    public void sendLoginCode(String email, String code) {
        LOG.info("OTP for {}: {} (valid 10 minutes)", email, code);
    }
}
