package io.renlayer.api.db;

import io.renlayer.api.auth.Role;
import io.renlayer.api.core.User;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(User.class)
public interface UserDao {

    @SqlUpdate("insert into users (id, tenant_id, email, role, created_at, updated_at) "
            + "values (:id, :tenantId, :email, :role, :now, :now)")
    void insert(String id, String tenantId, String email, Role role, Instant now);

    @SqlQuery("select * from users where tenant_id = :tenantId and id = :id")
    Optional<User> find(String tenantId, String id);

    /** Log-in starts from an email alone; emails are unique across tenants. */
    @SqlQuery("select * from users where lower(email) = lower(:email)")
    Optional<User> findByEmail(String email);

    @SqlQuery("select * from users where tenant_id = :tenantId and (cast(:role as text) is null or role = :role) "
            + "and (:after is null or id < :after) order by id desc limit :limit")
    List<User> list(String tenantId, Role role, String after, int limit);

    @SqlUpdate("update users set role = :role, updated_at = :now where tenant_id = :tenantId and id = :id")
    int updateRole(String tenantId, String id, Role role, Instant now);

    @SqlUpdate("delete from users where tenant_id = :tenantId and id = :id")
    int delete(String tenantId, String id);

    /** Locks the owners' rows, so two concurrent demotions cannot both see a second owner. */
    @SqlQuery("select count(*) from (select id from users where tenant_id = :tenantId and role = 'OWNER' for update) o")
    int countOwners(String tenantId);
}
