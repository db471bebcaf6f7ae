package org.careslot.identity.user.persistence;

import org.careslot.identity.user.domain.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID>, JpaSpecificationExecutor<UserAccount> {

    @Query("select u from UserAccount u where lower(u.email) = lower(:email)")
    Optional<UserAccount> findByEmailIgnoreCase(@Param("email") String email);

    boolean existsByPhone(String phone);

    @Query("select count(u) > 0 from UserAccount u where lower(u.email) = lower(:email)")
    boolean existsByEmailIgnoreCase(@Param("email") String email);

    /**
     * The admin list: every filter optional (null = no filter); {@code search} is a lower-case LIKE pattern body
     * (already escaped) matched against name, e-mail or phone. Built from the present filters only, so that no
     * untyped null parameter reaches PostgreSQL.
     */
    static Specification<UserAccount> matching(Role role, Boolean active, String search) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (role != null) {
                where.add(cb.equal(root.get("role"), role));
            }
            if (active != null) {
                where.add(cb.equal(root.get("active"), active));
            }
            if (search != null) {
                String pattern = "%" + search + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("fullName")), pattern, '\\'),
                        cb.like(cb.lower(root.get("email")), pattern, '\\'),
                        cb.like(root.get("phone"), pattern, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    default Page<UserAccount> search(Role role, Boolean active, String search, Pageable pageable) {
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        return findAll(matching(role, active, search), newestFirst);
    }
}
