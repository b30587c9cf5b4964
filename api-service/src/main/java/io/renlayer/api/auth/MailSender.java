package io.renlayer.api.auth;

/** Delivers one-time log-in codes: SMTP in real deployments, the log in local mode. */
public interface MailSender {

    void sendLoginCode(String email, String code);
}
