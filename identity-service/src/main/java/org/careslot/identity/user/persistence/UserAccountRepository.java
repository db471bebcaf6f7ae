package org.careslot.identity.user.persistence;

import org.careslot.identity.user.domain.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;
import java.util.UUID;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    @Query("select u from UserAccount u where lower(u.email) = lower(:email)")
    Optional<UserAccount> findByEmailIgnoreCase(@Param("email") String email);

    boolean existsByPhone(String phone);

    @Query("select count(u) > 0 from UserAccount u where lower(u.email) = lower(:email)")
    boolean existsByEmailIgnoreCase(@Param("email") String email);

    /** The admin list: every filter optional; search matches name, e-mail or phone, case-insensitively. */
    @Query("""
            select u from UserAccount u
            where (:role is null or u.role = :role)
              and (:active is null or u.active = :active)
              and (:search is null
                   or lower(u.fullName) like concat('%', :search, '%')
                   or lower(u.email) like concat('%', :search, '%')
                   or u.phone like concat('%', :search, '%'))
            order by u.createdAt desc, u.id""")
    Page<UserAccount> search(@Param("role") Role role, @Param("active") Boolean active,
                             @Param("search") String search, Pageable pageable);
}
