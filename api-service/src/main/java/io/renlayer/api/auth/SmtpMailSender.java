package io.renlayer.api.auth;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/** Sends log-in codes through an SMTP relay: STARTTLS whenever offered, and required with a user name. */
public final class SmtpMailSender implements MailSender {

    private final Session session;
    private final String from;

    public SmtpMailSender(String host, int port, String username, String password, String from) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        boolean auth = username != null && !username.isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", String.valueOf(auth));
        this.session = auth ? Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        }) : Session.getInstance(props);
        this.from = from;
    }

    @Override
    public void sendLoginCode(String email, String code) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email));
            message.setSubject("Your RenLayer sign-in code");
            message.setText("Your RenLayer sign-in code is " + code + ". It expires in 10 minutes.\n\n"
                    + "If you did not try to sign in, ignore this message.");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot send the sign-in code by SMTP", e);
        }
    }
}
