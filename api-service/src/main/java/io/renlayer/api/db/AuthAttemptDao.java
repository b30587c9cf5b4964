package io.renlayer.api.db;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;

/** Log-in attempts in PostgreSQL, so rate limits hold across every api-service replica. */
public interface AuthAttemptDao {

    /** Serialises concurrent attempts on one email until commit, so a burst cannot slip past the count. */
    @SqlQuery("select true from (select pg_advisory_xact_lock(hashtext(lower(:email)))) locked")
    boolean lockEmail(String email);

    @SqlUpdate("insert into auth_attempts (kind, email, client_ip, created_at) values (:kind, lower(:email), :clientIp, :now)")
    void record(String kind, String email, String clientIp, Instant now);

    @SqlQuery("select count(*) from auth_attempts where kind = :kind and email = lower(:email) and created_at > :since")
    int countByEmail(String kind, String email, Instant since);

    @SqlQuery("select count(*) from auth_attempts where kind = :kind and client_ip = :clientIp and created_at > :since")
    int countByIp(String kind, String clientIp, Instant since);

    @SqlUpdate("delete from auth_attempts where created_at < :before")
    int purgeBefore(Instant before);
}
