package io.renlayer.api.config;

import io.renlayer.api.auth.LogMailSender;
import io.renlayer.api.auth.MailSender;
import io.renlayer.api.auth.SmtpMailSender;
import jakarta.validation.constraints.Pattern;

/**
 * How sign-in codes are delivered: {@code smtp}, {@code log} (local mode only), or {@code auto} — the log in
 * local mode, SMTP otherwise.
 */
public class MailConfig {

    @Pattern(regexp = "auto|log|smtp")
    public String type = "auto";
    public String host = "localhost";
    public int port = 587;
    public String username = "";
    public String password = "";
    public String from = "RenLayer <no-reply@renlayer.local>";

    public MailSender build(boolean localMode) {
        if ("log".equals(type) || ("auto".equals(type) && localMode)) {
            if (!localMode) {
                throw new IllegalStateException("mail.type=log writes sign-in codes to the log: local mode only");
            }
            return new LogMailSender();
        }
        return new SmtpMailSender(host, port, username, password, from);
    }
}
