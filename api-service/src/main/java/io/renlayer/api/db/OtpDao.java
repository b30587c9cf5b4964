package io.renlayer.api.db;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

@RegisterConstructorMapper(OtpDao.Code.class)
public interface OtpDao {

    record Code(long id, String codeHmac, int attempts, Instant expiresAt) {
    }

    /** A new code replaces every earlier unused one. */
    @SqlUpdate("update otp_codes set used_at = :now where lower(email) = lower(:email) and used_at is null")
    void retireAll(String email, Instant now);

    @SqlUpdate("insert into otp_codes (email, code_hmac, expires_at, created_at) values (:email, :codeHmac, :expiresAt, :now)")
    void insert(String email, String codeHmac, Instant expiresAt, Instant now);

    /** Locks the live code so concurrent guesses are counted one by one. */
    @SqlQuery("select id, code_hmac, attempts, expires_at from otp_codes where lower(email) = lower(:email) "
            + "and used_at is null order by id desc limit 1 for update")
    Optional<Code> liveCode(String email);

    @SqlUpdate("update otp_codes set attempts = attempts + 1 where id = :id")
    void countAttempt(long id);

    @SqlUpdate("update otp_codes set used_at = :now where id = :id")
    void markUsed(long id, Instant now);
}
